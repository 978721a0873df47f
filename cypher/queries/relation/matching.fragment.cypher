// The relations of `entity` a filter asks for, with their other ends, for of-entities.cypher,
// which includes it for a page and for its count: binds `relation` and `other`. MENTIONS links
// articles to sentences and is served by `mentions`, not here.
MATCH (entity)-[relation]-(other:Entity)
WHERE type(relation) <> 'MENTIONS'
  AND ($types IS NULL OR type(relation) IN $types)
  AND ($otherKinds IS NULL OR other.kind IN $otherKinds)
  AND ($direction = 'BOTH' OR ($direction = 'OUTGOING') = (startNode(relation) = entity))
