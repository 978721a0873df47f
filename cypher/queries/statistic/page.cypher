// Statistics matching a filter, oldest period first (undated last), then by id; or the
// statistics of the given ids (statistics reached some other way: by id, search, path). Each
// row carries the entities the statistic links to that the operation reads (with-links.fragment.cypher).
// include: queries/statistic/matching.fragment.cypher
WITH statistic, coalesce(toString(statistic.periodStart), '9999-12-31') + '|' + statistic.id AS sortKey
// if: hasAfterKey
WHERE sortKey > $afterKey
// end if
// ORDER BY with LIMIT keeps the page's rows only (Neo4j's Top) instead of sorting and
// collecting every statistic of a place that many numbers are about.
ORDER BY sortKey
LIMIT $limitPlusOne
WITH collect({
  sortKey: sortKey,
  // include: queries/statistic/with-links.fragment.cypher
  node: {{include queries/entity/projected.cypher entity=statistic}}
}) AS rows
// if: counted
// Counted apart, and only when the operation reads it: counting needs no order.
CALL () {
  // include: queries/statistic/matching.fragment.cypher
  RETURN count(statistic) AS totalCount
}
RETURN totalCount, rows
// else
RETURN null AS totalCount, rows
// end if
