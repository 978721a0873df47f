// A batch of a release's observations, invisible until the release is published: every read
// starts from a published :DatasetRelease. A row is [measure, periodStart, value, dimensionCodes].
UNWIND $rows AS row
CREATE (:Observation {releaseId: $releaseId, measure: row[0], periodStart: row[1], value: row[2], dimensionCodes: row[3]})
