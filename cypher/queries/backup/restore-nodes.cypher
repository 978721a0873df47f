// A batch of the backup's nodes: labels as they were (dynamic labels, Neo4j 5.26), properties as
// decoded, and the temporary label and elementId that relationships find them by.
UNWIND $rows AS row
CREATE (node:$(row.labels):BorderKgRestoring {borderKgRestoreId: row.id})
SET node += row.properties
