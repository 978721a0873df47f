// The statistics a filter matches, for page.cypher, which includes it: binds `statistic`. The search starts from
// the most selective node the filter names (the ids, the place, the reporter, the source), found
// through the id index, instead of scanning every statistic; only an unanchored filter scans.
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
