// Quotations matching a filter: newest article first, then in the order of the article. The
// search starts from the most selective thing the filter names (the words through the
// full-text index, the speaker, the article) instead of scanning every quotation. $lucene is
// the client's words with Lucene syntax escaped. Sort key: the article's date, inverted so
// that ascending text order puts the newest first (undated articles last), its id, and the
// quotation's start offset, zero-padded to sort as text.
CALL () {
  WITH 1 AS anchored WHERE $lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('quotation_search', $lucene) YIELD node
  RETURN node AS quotation
  UNION
  WITH 1 AS anchored WHERE $lucene IS NULL AND $speakerId IS NOT NULL
  MATCH (:Entity {id: $speakerId})-[:SAID]->(quotation:Quotation)
  RETURN quotation
  UNION
  WITH 1 AS anchored WHERE $lucene IS NULL AND $speakerId IS NULL AND $articleId IS NOT NULL
  MATCH (:Entity {id: $articleId})<-[:QUOTED_IN]-(quotation:Quotation)
  RETURN quotation
  UNION
  WITH 1 AS anchored WHERE $lucene IS NULL AND $speakerId IS NULL AND $articleId IS NULL
  MATCH (quotation:Quotation)
  RETURN quotation
}
MATCH (quotation)-[:QUOTED_IN]->(article:Entity)
OPTIONAL MATCH (speaker:Entity)-[:SAID]->(quotation)
WITH quotation, article, speaker
WHERE ($articleId IS NULL OR article.id = $articleId)
  AND ($speakerId IS NULL OR speaker.id = $speakerId)
WITH quotation, speaker,
     right('00000000' + toString(99999999 - coalesce(
       article.publishedOn.year * 10000 + article.publishedOn.month * 100 + article.publishedOn.day, 0)), 8)
     + '|' + article.id + '|' + right('0000000000' + toString(quotation.start), 10) AS sortKey
ORDER BY sortKey
WITH collect({sortKey: sortKey, quotation: quotation {.*}, speakerId: speaker.id}) AS matches
RETURN size(matches) AS totalCount, [row IN matches WHERE $afterKey IS NULL OR row.sortKey > $afterKey][0..$limitPlusOne] AS rows
