// The seed's relations, once merged (queries/relation/merge-many.cypher, which editors' writes
// share): their provenance (docs/ontology.md#provenance: whether the evidence asserts the
// relation, the curators inferred it (the note is the reason) or it comes from outside the
// articles (the note is the source)), and the fingerprint of the seed that wrote them, for
// seed/sweep.cypher. Relation types cannot be parameters of a pattern, hence the type() test;
// the ends are found through the id index.
UNWIND $relations AS relation
MATCH (:Entity {id: relation.fromId})-[r]->(:Entity {id: relation.toId})
WHERE type(r) = relation.type
SET r.provenanceKind = relation.kind,
    r.provenanceNote = relation.note,
    r.seedFingerprint = $fingerprint
