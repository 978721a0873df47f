// MERGE on the unique id: concurrent upserts of one new entity leave one node. No row comes back,
// and the caller says why, when the id holds an entity of another kind, or when the id was
// derived from the name and holds an entity that does not answer to that name ("C Probe" derives
// the id of "C++ Probe"): a derived id never renames another entity. Omitted aliases and
// description keep their stored values. `before` is what the entity held (null for a new one),
// for the write's Change.
MERGE (n:Entity {id: $id})
ON CREATE SET n.kind = $kind, n:$($label)
// The lock is taken before the entity is read (the _LOCK_ idiom): of two writes of one entity the
// second waits for the first, and its `before` is what the first left.
SET n._lock = true
REMOVE n._lock
WITH n, n.name IS NULL AS created, properties(n) AS stored
WHERE n.kind = $kind AND (created OR NOT $derived OR $lookupKey IN coalesce(n.nameKeys, []))
SET n.name = $name,
    n.aliases = coalesce($aliases, n.aliases, []),
    n.description = CASE WHEN $description IS NULL THEN n.description ELSE $description END
// What the seed recorded of the provenance of replaced aliases or description no longer applies:
// an editor's write records none (null removes the property).
SET n.aliasProvenanceKinds = CASE WHEN $aliases IS NULL THEN n.aliasProvenanceKinds END,
    n.aliasProvenanceNotes = CASE WHEN $aliases IS NULL THEN n.aliasProvenanceNotes END,
    n.descriptionProvenanceKind = CASE WHEN $description IS NULL THEN n.descriptionProvenanceKind END,
    n.descriptionProvenanceNote = CASE WHEN $description IS NULL THEN n.descriptionProvenanceNote END
SET n.nameKeys = reduce(keys = [], key IN [toLower(n.name)] + [alias IN n.aliases | toLower(alias)] |
                        CASE WHEN key IN keys THEN keys ELSE keys + key END)
RETURN n, CASE WHEN created THEN null ELSE stored END AS before
