// Mentions of many entities at once (one round trip per request, not per entity).
// Sort key: article id, then the sentence's position, zero-padded to sort as text.
UNWIND $entityIds AS entityId
MATCH (entity:Entity {id: entityId})
CALL (entity) {
  MATCH (article:Article)-[mention:MENTIONS]->(entity)
  WITH article, mention, article.id + '|' + right('000000' + toString(mention.position), 6) AS sortKey
  ORDER BY sortKey
  WITH collect({
    sortKey: sortKey,
    entityId: entity.id,
    articleId: article.id,
    sentence: mention.sentence,
    position: mention.position,
    anchor: {start: mention.start, end: mention.end, exact: mention.exact, prefix: mention.prefix, suffix: mention.suffix}
  }) AS matches
  RETURN size(matches) AS totalCount, [row IN matches WHERE $afterKey IS NULL OR row.sortKey > $afterKey][0..$limitPlusOne] AS rows
}
RETURN entityId, totalCount, rows
