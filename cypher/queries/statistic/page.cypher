// Statistics matching a filter, oldest period first (undated last), then by id; or the
// statistics of the given ids (statistics reached some other way: by id, search, path).
// The search starts from the most selective node the filter names (the ids, the place, the
// reporter, the source), found through the id index, instead of scanning every statistic; only
// an unanchored filter scans. Each row carries the ids the statistic links to and the entities
// they name, so resolving origin, destination, places, reporter, collector and source needs no further query.
CALL () {
  WITH 1 AS anchored WHERE $ids IS NOT NULL
  UNWIND $ids AS id
  MATCH (statistic:Entity {id: id}) WHERE statistic:Statistic
  RETURN DISTINCT statistic
  UNION
  WITH 1 AS anchored WHERE $ids IS NULL AND $placeId IS NOT NULL
  MATCH (:Entity {id: $placeId})<-[:HAS_ORIGIN|HAS_DESTINATION|ABOUT_PLACE]-(statistic:Statistic)
  RETURN DISTINCT statistic
  UNION
  WITH 1 AS anchored WHERE $ids IS NULL AND $placeId IS NULL AND $reportedById IS NOT NULL
  MATCH (:Entity {id: $reportedById})-[:REPORTED]->(statistic:Statistic)
  RETURN statistic
  UNION
  WITH 1 AS anchored WHERE $ids IS NULL AND $placeId IS NULL AND $reportedById IS NULL AND $sourceId IS NOT NULL
  MATCH (:Entity {id: $sourceId})-[:STATES]->(statistic:Statistic)
  RETURN statistic
  UNION
  WITH 1 AS anchored WHERE $ids IS NULL AND $placeId IS NULL AND $reportedById IS NULL AND $sourceId IS NULL
  MATCH (statistic:Statistic)
  RETURN statistic
}
WITH statistic
WHERE ($measure IS NULL OR toLower(statistic.measure) CONTAINS toLower($measure))
  AND ($reportedById IS NULL OR EXISTS { (:Entity {id: $reportedById})-[:REPORTED]->(statistic) })
  AND ($sourceId IS NULL OR EXISTS { (:Entity {id: $sourceId})-[:STATES]->(statistic) })
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
    node: CASE WHEN $entityProperties IS NULL THEN statistic {.*, text: null} ELSE [key IN $entityProperties | statistic[key]] END,
    // include: queries/statistic/with-links.fragment.cypher
  }) AS page
}
RETURN totalCount, page AS rows
