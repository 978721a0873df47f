// The quotations of many speakers at once (one round trip per request, not per entity), in
// the order of `quotations`: newest article first, then in the order of the article.
UNWIND $speakerIds AS speakerId
MATCH (speaker:Entity {id: speakerId})
CALL (speaker) {
  MATCH (speaker)-[:SAID]->(quotation:Quotation)-[:QUOTED_IN]->(article:Entity)
  WITH quotation,
       right('00000000' + toString(99999999 - coalesce(
         article.publishedOn.year * 10000 + article.publishedOn.month * 100 + article.publishedOn.day, 0)), 8)
       + '|' + article.id + '|' + right('0000000000' + toString(quotation.start), 10) AS sortKey
  ORDER BY sortKey
  WITH collect({sortKey: sortKey, quotation: quotation {.*}}) AS matches
  RETURN size(matches) AS totalCount, [row IN matches WHERE $afterKey IS NULL OR row.sortKey > $afterKey][0..$limitPlusOne] AS rows
}
RETURN speakerId, totalCount, rows
