// The provenance of relations by their ids' parts (docs/ontology.md#provenance): whether the
// evidence asserts the relation, the curators inferred it (note: the reason) or it comes from
// outside the articles (note: the source). Types were checked by the relation-id pattern.
UNWIND $relations AS wanted
MATCH (:Entity {id: wanted.fromId})-[relation]->(:Entity {id: wanted.toId})
WHERE type(relation) = wanted.type
RETURN wanted.id AS id, relation.provenanceKind AS kind, relation.provenanceNote AS note
