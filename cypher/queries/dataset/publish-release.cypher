// Publishes a staged release in one small transaction: the dataset's metadata, then the staging
// node becomes the release (its properties replaced), linked to its dataset.
MATCH (release:DatasetReleaseStaging {id: $release.id})
MERGE (dataset:Dataset {id: $dataset.id})
SET dataset += $dataset
REMOVE release:DatasetReleaseStaging
SET release:DatasetRelease
SET release = $release
MERGE (dataset)-[:HAS_RELEASE]->(release)
RETURN release.id AS id
