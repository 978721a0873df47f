// Claims the keys of names for their entities (docs/ontology.md#one-name-one-entity) and returns
// the names whose key another entity holds, with that entity. MERGE on the unique key: of two
// transactions claiming one key, the second waits for the first to commit and then finds its holder.
UNWIND $claims AS claim
MERGE (key:NameKey {key: claim.key})
  ON CREATE SET key.entityId = claim.entityId, key.name = claim.name
// The key's lock is taken before its holder is read (the _LOCK_ idiom of Neo4j's manual), so that
// of two writers taking over a key left behind, the second sees the first one's holder.
SET key._LOCK_ = true
WITH claim, key
OPTIONAL MATCH (holder:Entity {id: key.entityId})
// A key whose entity was deleted without it (by hand: DETACH DELETE does not reach it) is free.
WITH claim, key, holder, holder IS NULL AND key.entityId <> claim.entityId AS left
SET key.entityId = CASE WHEN left THEN claim.entityId ELSE key.entityId END,
    key.name = CASE WHEN left THEN claim.name ELSE key.name END
REMOVE key._LOCK_
WITH claim, key, holder
WHERE key.entityId <> claim.entityId
RETURN claim.entityId AS entityId, claim.name AS name, key.entityId AS holderId, holder.name AS holderName, key.name AS heldAs
