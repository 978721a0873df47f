// The statistics a filter matches, for page.cypher, which includes it: binds `statistic`. The
// search starts from the most selective node the filter names (the anchor: the ids, the place, the
// reporter, the source), found through the id index, instead of scanning every statistic; only
// an unanchored filter scans. Each condition the filter gives is a line of its own (its flag),
// so Neo4j plans only what is asked.
// if: anchor = ids
UNWIND $ids AS id
MATCH (statistic:Entity {id: id}) WHERE statistic:Statistic
WITH DISTINCT statistic
// end if
// if: anchor = place
MATCH (:Entity {id: $placeId})<-[:HAS_ORIGIN|HAS_DESTINATION|ABOUT_PLACE]-(statistic:Statistic)
WITH DISTINCT statistic
// end if
// if: anchor = reporter
MATCH (:Entity {id: $reportedById})-[:REPORTED]->(statistic:Statistic)
// end if
// if: anchor = source
MATCH (:Entity {id: $sourceId})-[:STATES]->(statistic:Statistic)
// end if
// if: anchor = none
MATCH (statistic:Statistic)
// end if
// if: byMeasure
WITH statistic WHERE toLower(statistic.measure) CONTAINS toLower($measure)
// end if
// if: byReporter
WITH statistic WHERE EXISTS { (:Entity {id: $reportedById})-[:REPORTED]->(statistic) }
// end if
// if: bySource
WITH statistic WHERE EXISTS { (:Entity {id: $sourceId})-[:STATES]->(statistic) }
// end if
// if: byFrom
WITH statistic WHERE statistic.periodEnd >= date($from)
// end if
// if: byTo
WITH statistic WHERE statistic.periodStart <= date($to)
// end if
