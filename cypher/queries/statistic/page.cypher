// Statistics matching a filter, oldest period first (undated last), then by id; or the
// statistics of the given ids (statistics reached some other way: by id, search, path). Each
// row carries the entities the statistic links to that the operation reads (with-links.fragment.cypher).
// include: queries/statistic/matching.fragment.cypher
WITH statistic, coalesce(toString(statistic.periodStart), '9999-12-31') + '|' + statistic.id AS sortKey
WHERE $afterKey IS NULL OR sortKey > $afterKey
// ORDER BY with LIMIT keeps the page's rows only (Neo4j's Top) instead of sorting and
// collecting every statistic of a place that many numbers are about.
ORDER BY sortKey
LIMIT $limitPlusOne
WITH collect({
  sortKey: sortKey,
  node: CASE WHEN $entityProperties IS NULL THEN statistic {.*, text: null} ELSE [key IN $entityProperties | statistic[key]] END,
  // include: queries/statistic/with-links.fragment.cypher
}) AS rows
// Counted apart, and only when the operation reads it: counting needs no order.
OPTIONAL CALL () {
  WITH 1 AS counted WHERE $withTotalCount
  // include: queries/statistic/matching.fragment.cypher
  RETURN count(statistic) AS totalCount
}
RETURN CASE WHEN $withTotalCount THEN totalCount END AS totalCount, rows
