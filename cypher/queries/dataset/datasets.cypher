// Datasets with every release (few per dataset), by title; $ids null for all of them.
MATCH (dataset:Dataset)
WHERE $ids IS NULL OR dataset.id IN $ids
OPTIONAL MATCH (dataset)-[:HAS_RELEASE]->(release:DatasetRelease)
WITH dataset, collect(properties(release)) AS releases
RETURN properties(dataset) AS dataset, releases
ORDER BY dataset.title, dataset.id
