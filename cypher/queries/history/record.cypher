// One change of a write, created in the write's own transaction: a write that fails records
// nothing, and one that commits cannot lose its record. `at` is when the transaction began, the
// same for every change of one write, and `seq` orders the changes within it. The entities it
// touched are linked while they exist; `entityIds` keeps their ids should they be deleted.
CREATE (change:Change {id: $id, at: datetime.transaction(), seq: $seq, by: $by, operation: $operation,
                       what: $what, entityIds: $entityIds, before: $before, after: $after})
WITH change
UNWIND $entityIds AS entityId
MATCH (entity:Entity {id: entityId})
CREATE (change)-[:CHANGED]->(entity)
