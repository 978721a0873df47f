// The quotations whose words match `quotationSearch`, best first: their ids, for the
// quotation domain to load, and their words, for the service to highlight. $lucene is the
// user's text with Lucene syntax escaped.
CALL db.index.fulltext.queryNodes('quotation_search', $lucene, {limit: $first})
YIELD node, score
RETURN node.id AS id, node.text AS text, score
ORDER BY score DESC, id
