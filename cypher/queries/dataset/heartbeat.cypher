// An import under way says so, so that its staged rows are not taken for those of a dead one.
MATCH (staging:DatasetReleaseStaging {id: $releaseId})
SET staging.heartbeatAt = $now
