// Every relationship of the graph: its type, its ends by the elementIds nodes.cypher gave them,
// and its typed properties.
MATCH (source)-[item]->(target)
RETURN type(item) AS type, elementId(source) AS start, elementId(target) AS end,
// include: queries/backup/typed-properties.cypher
