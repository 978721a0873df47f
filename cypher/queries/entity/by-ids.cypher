// Batched lookup behind the per-request entity DataLoader.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n
