// The articles whose text holds the words of `sentences`, best first, with their texts and where
// their quotations sit: the service cuts the texts into sentences, keeps those holding the
// words and names the quotations that overlap them. $lucene is the user's text with Lucene
// syntax escaped. Lucene ranks the first $candidates articles; one article ($articleId) is
// looked for among all the hits, however low it ranks.
CALL () {
  WITH 1 AS anchored WHERE $articleId IS NULL
  CALL db.index.fulltext.queryNodes('article_text_search', $lucene, {limit: $candidates})
  YIELD node, score
  RETURN node AS article, score
  UNION
  WITH 1 AS anchored WHERE $articleId IS NOT NULL
  CALL db.index.fulltext.queryNodes('article_text_search', $lucene)
  YIELD node, score
  WITH node, score WHERE node.id = $articleId
  RETURN node AS article, score
}
WITH article, score
ORDER BY score DESC, article.id
RETURN article {.*, text: null} AS article,
       article.text AS text,
       score,
       [(article)<-[:QUOTED_IN]-(quotation:Quotation) | quotation {.id, .start, .end}] AS quotations
