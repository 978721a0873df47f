// A batch of a release's monthly sums per value of one dimension: [measure, periodStart, dimension, dimensionValue, value].
UNWIND $rows AS row
CREATE (:ObservationSubtotal {releaseId: $releaseId, measure: row[0], periodStart: row[1], dimension: row[2], dimensionValue: row[3], value: row[4]})
