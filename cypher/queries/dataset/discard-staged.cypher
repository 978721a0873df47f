// What a failed or abandoned import staged, a batch at a time (each statement is run until it
// deletes nothing), never the rows of a published release. The predicates on every property of
// each index let the deletes use it.
MATCH (row:Observation)
WHERE row.releaseId = $releaseId AND row.measure IS NOT NULL AND row.periodStart IS NOT NULL
  AND NOT EXISTS { MATCH (:DatasetRelease {id: $releaseId}) }
WITH row LIMIT $batch
DELETE row
RETURN count(*) AS deleted;
MATCH (row:ObservationTotal)
WHERE row.releaseId = $releaseId AND row.measure IS NOT NULL AND row.periodStart IS NOT NULL
  AND NOT EXISTS { MATCH (:DatasetRelease {id: $releaseId}) }
WITH row LIMIT $batch
DELETE row
RETURN count(*) AS deleted;
MATCH (row:ObservationSubtotal)
WHERE row.releaseId = $releaseId AND row.measure IS NOT NULL AND row.dimension IS NOT NULL
  AND row.dimensionValue IS NOT NULL AND row.periodStart IS NOT NULL
  AND NOT EXISTS { MATCH (:DatasetRelease {id: $releaseId}) }
WITH row LIMIT $batch
DELETE row
RETURN count(*) AS deleted;
MATCH (staging:DatasetReleaseStaging {id: $releaseId})
DELETE staging
RETURN count(*) AS deleted;
