// The sentence that states a recorded statistic is a mention of it, as in the seed, anchored
// at the words that state it; so is a mention accepted from ingestion. The mention before (null
// for a new one) and after, for the write's Change.
MATCH (article:Entity {id: $articleId})
MATCH (entity:Entity {id: $entityId})
MERGE (article)-[mention:MENTIONS {position: $position}]->(entity)
WITH mention, CASE WHEN mention.sentence IS NULL THEN null ELSE properties(mention) END AS before
SET mention.sentence = $sentence,
    mention += $anchor
RETURN before, properties(mention) AS after
