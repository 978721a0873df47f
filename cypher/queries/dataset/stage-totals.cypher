// A batch of a release's monthly sums over every dimension: [measure, periodStart, value, observations].
UNWIND $rows AS row
CREATE (:ObservationTotal {releaseId: $releaseId, measure: row[0], periodStart: row[1], value: row[2], observations: row[3]})
