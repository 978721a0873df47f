// Full-text search; $lucene is the user's text with Lucene syntax escaped. A hit whose name or
// alias equals the whole query ranks first ("Mounties" finds the RCMP before any text that
// merely mentions Mounties), then Lucene's relevance.
CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $candidates})
YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
WITH node, score, $exactKey IN node.nameKeys AS exact
ORDER BY exact DESC, score DESC, node.id
LIMIT $first
// Properties are read for the hits kept, not for every candidate.
// The entity as the operation reads it (queries/entity/projected.cypher).
RETURN {{include queries/entity/projected.cypher entity=node}} AS node, score, exact
