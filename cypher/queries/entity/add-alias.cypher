// One more name of an entity (a candidate merged into it), with its provenance; nothing when the
// entity answers to it already, as its name or an alias, case aside. The parallel provenance
// lists grow with the aliases where they were aligned; lists that were not say nothing about the
// new alias either, so they stay unaligned (aliasesOf then reports none). The entity before and
// after, for the write's Change.
MATCH (n:Entity {id: $id})
// Locked before it is read, as in upsert.cypher.
SET n._lock = true
REMOVE n._lock
WITH n, properties(n) AS before
WHERE NOT $lookupKey IN coalesce(n.nameKeys, [])
WITH n, before, coalesce(n.aliases, []) AS aliases
WITH n, before, aliases, size(coalesce(n.aliasProvenanceKinds, [])) = size(aliases) AS aligned
SET n.aliases = aliases + $alias,
    n.aliasProvenanceKinds = CASE WHEN aligned THEN coalesce(n.aliasProvenanceKinds, []) + $kind ELSE n.aliasProvenanceKinds END,
    n.aliasProvenanceNotes = CASE WHEN aligned THEN coalesce(n.aliasProvenanceNotes, []) + $note ELSE n.aliasProvenanceNotes END,
    n.nameKeys = coalesce(n.nameKeys, []) + $lookupKey
RETURN before, properties(n) AS after
