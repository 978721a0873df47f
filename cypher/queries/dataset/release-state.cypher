// Before an import: the release that holds the same file already, and what the release id is taken by.
OPTIONAL MATCH (sameFile:DatasetRelease {datasetId: $datasetId, checksum: $checksum})
OPTIONAL MATCH (sameId:DatasetRelease {id: $releaseId})
OPTIONAL MATCH (staging:DatasetReleaseStaging {id: $releaseId})
RETURN properties(sameFile) AS sameFile, sameId.checksum AS sameIdChecksum, staging.heartbeatAt AS stagingHeartbeatAt
