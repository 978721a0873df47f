// Every node of the graph, whatever its labels: its elementId (the backup file's join key for
// relationships, never reused as an id), its labels and its typed properties.
MATCH (item)
RETURN elementId(item) AS id, labels(item) AS labels,
// include: queries/backup/typed-properties.cypher
