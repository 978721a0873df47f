// A series filtered on one dimension: the pre-aggregated sums of the values asked for, per month
// of the data (0 where none of them occurs that month).
MATCH (total:ObservationTotal)
WHERE total.releaseId = $releaseId AND total.measure = $measure AND total.periodStart >= $from AND total.periodStart <= $to
CALL (total) {
  OPTIONAL MATCH (subtotal:ObservationSubtotal)
  WHERE subtotal.releaseId = total.releaseId AND subtotal.measure = total.measure AND subtotal.dimension = $dimension
    AND subtotal.dimensionValue IN $values AND subtotal.periodStart = total.periodStart
  RETURN sum(subtotal.value) AS value
}
RETURN total.periodStart AS month, value
ORDER BY month
