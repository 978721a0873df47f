// Undoing a failed restore, a batch at a time, once wipe-relationships.cypher left no relationship.
MATCH (node)
WITH node LIMIT $batchSize
DELETE node
RETURN count(node) AS deleted
