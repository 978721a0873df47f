// The keys an entity no longer answers to are free for others: a renamed entity releases its old
// name, an alias dropped is free again.
UNWIND $entities AS entity
MATCH (key:NameKey {entityId: entity.id})
WHERE NOT key.key IN entity.keys
DELETE key
