// Claims a release id for one import (the constraint on :DatasetReleaseStaging refuses a second
// one), then looks for a release published under that id meanwhile: created first, so that a
// concurrent publication has committed by the time this reads.
CREATE (staging:DatasetReleaseStaging {id: $releaseId, datasetId: $datasetId, checksum: $checksum, startedAt: $now, heartbeatAt: $now})
WITH staging
OPTIONAL MATCH (published:DatasetRelease {id: $releaseId})
RETURN published IS NOT NULL AS published
