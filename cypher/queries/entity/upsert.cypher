// MERGE on the unique id: concurrent upserts of one new entity leave one node. An existing
// node of another kind yields no row, and the caller reports the clash; omitted aliases and
// description keep their stored values.
MERGE (n:Entity {id: $id})
ON CREATE SET n.kind = $kind, n:$($label)
WITH n
WHERE n.kind = $kind
SET n.name = $name,
    n.aliases = coalesce($aliases, n.aliases, []),
    n.description = CASE WHEN $description IS NULL THEN n.description ELSE $description END
SET n.nameKeys = reduce(keys = [], key IN [toLower(n.name)] + [alias IN n.aliases | toLower(alias)] |
                        CASE WHEN key IN keys THEN keys ELSE keys + key END)
RETURN n
