// Entities of the curated kinds that hold no name key: written before migration 007, or by hand.
// Startup claims their keys (claimMissingNameKeys).
MATCH (n:Entity)
WHERE n.kind IN $kinds AND NOT EXISTS { MATCH (:NameKey {entityId: n.id}) }
RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases
ORDER BY n.id
