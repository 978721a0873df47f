// A series summed over every dimension: one pre-aggregated node per month.
MATCH (total:ObservationTotal)
WHERE total.releaseId = $releaseId AND total.measure = $measure AND total.periodStart >= $from AND total.periodStart <= $to
RETURN total.periodStart AS month, total.value AS value
ORDER BY month
