// A batch of the backup's relationships, between the restored nodes the backup's elementIds name.
// The count tells the caller whether every one found both its ends.
UNWIND $rows AS row
MATCH (source:BorderKgRestoring {borderKgRestoreId: row.start})
MATCH (target:BorderKgRestoring {borderKgRestoreId: row.end})
CREATE (source)-[relationship:$(row.type)]->(target)
SET relationship = row.properties
RETURN count(relationship) AS created
