// A series filtered on several dimensions (or on one without subtotals): the observations of each
// month of the data, by index, whose codes match every filter ($filters: {index, codes}; numbers
// inside a map arrive as floats, and a list index must be an integer).
MATCH (total:ObservationTotal)
WHERE total.releaseId = $releaseId AND total.measure = $measure AND total.periodStart >= $from AND total.periodStart <= $to
CALL (total) {
  MATCH (observation:Observation)
  WHERE observation.releaseId = total.releaseId AND observation.measure = total.measure AND observation.periodStart = total.periodStart
    AND all(filter IN $filters WHERE observation.dimensionCodes[toInteger(filter.index)] IN filter.codes)
  RETURN sum(observation.value) AS value
}
RETURN total.periodStart AS month, value
ORDER BY month
