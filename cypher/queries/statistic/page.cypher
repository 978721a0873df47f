// Statistics matching a filter, oldest period first (undated last), then by id.
// Each row carries the ids the statistic links to, so resolving origin, destination,
// places and reporter needs no further query per statistic.
MATCH (statistic:Statistic)
WHERE ($measure IS NULL OR toLower(statistic.measure) CONTAINS toLower($measure))
  AND ($placeId IS NULL OR EXISTS { (statistic)-[:HAS_ORIGIN|HAS_DESTINATION|ABOUT_PLACE]->(:Entity {id: $placeId}) })
  AND ($reportedById IS NULL OR EXISTS { (:Entity {id: $reportedById})-[:REPORTED]->(statistic) })
  AND ($sourceId IS NULL OR statistic.sourceId = $sourceId)
  AND ($from IS NULL OR statistic.periodEnd >= date($from))
  AND ($to IS NULL OR statistic.periodStart <= date($to))
WITH statistic, coalesce(toString(statistic.periodStart), '9999-12-31') + '|' + statistic.id AS sortKey
ORDER BY sortKey
WITH collect({sortKey: sortKey, node: statistic}) AS matches
WITH size(matches) AS totalCount, [row IN matches WHERE $afterKey IS NULL OR row.sortKey > $afterKey][0..$limitPlusOne] AS rows
CALL (rows) {
  UNWIND rows AS row
  WITH row.sortKey AS sortKey, row.node AS statistic
  RETURN collect({
    sortKey: sortKey,
    node: statistic,
    links: {
      originId: [(statistic)-[:HAS_ORIGIN]->(place) | place.id][0],
      destinationId: [(statistic)-[:HAS_DESTINATION]->(place) | place.id][0],
      placeIds: [(statistic)-[:ABOUT_PLACE]->(place) | place.id],
      reportedById: [(reporter)-[:REPORTED]->(statistic) | reporter.id][0]
    }
  }) AS page
}
RETURN totalCount, page AS rows
