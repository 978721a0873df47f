// The sentence that states a recorded statistic is a mention of it, as in the seed, anchored
// at the words that state it.
MATCH (article:Entity {id: $articleId})
MATCH (entity:Entity {id: $entityId})
MERGE (article)-[mention:MENTIONS {position: $position}]->(entity)
SET mention.sentence = $sentence,
    mention += $anchor
