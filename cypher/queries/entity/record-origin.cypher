// Where an entity comes from, recorded once (an entity the graph already held keeps its own),
// and the provenance of its aliases: lists parallel to n.aliases (docs/ontology.md#provenance).
// Returns the entity as it is now, for the write's Change.
MATCH (n:Entity {id: $id})
SET n.originProvenanceKind = coalesce(n.originProvenanceKind, $kind),
    n.originProvenanceNote = coalesce(n.originProvenanceNote, $note),
    n.aliasProvenanceKinds = [alias IN n.aliases | $kind],
    n.aliasProvenanceNotes = [alias IN n.aliases | $note]
RETURN properties(n) AS after
