// Relations of many entities at once, with their other ends, so that a page of entities with
// their relations costs one round trip however many entities it holds. MENTIONS links articles
// to sentences and is served by `mentions`, not here. The entity itself comes back too: a
// resolver that asks for an entity and its relations then needs no second query. Entities come
// as the properties the operation reads ($entityProperties, a list of their values in that
// order), or whole when it is null; evidence only when the operation reads it ($withEvidence).
UNWIND $entityIds AS entityId
MATCH (entity:Entity {id: entityId})
CALL (entity) {
  MATCH (entity)-[relation]-(other:Entity)
  WHERE type(relation) <> 'MENTIONS'
    AND ($types IS NULL OR type(relation) IN $types)
    AND ($otherKinds IS NULL OR other.kind IN $otherKinds)
  WITH relation, other, startNode(relation) = entity AS outgoing
  WHERE $direction = 'BOTH' OR ($direction = 'OUTGOING') = outgoing
  WITH relation, other, outgoing,
       type(relation) + '|' + CASE WHEN outgoing THEN 'out' ELSE 'in' END + '|' + other.id AS sortKey
  WHERE $afterKey IS NULL OR sortKey > $afterKey
  // ORDER BY with LIMIT keeps the page's rows only (Neo4j's Top), where sorting and collecting
  // every relation of a hub (8,000 for the large corpus's Canada) then slicing cost 4 times as much.
  ORDER BY sortKey
  LIMIT $limitPlusOne
  RETURN collect({
    sortKey: sortKey,
    other: CASE WHEN $entityProperties IS NULL THEN other {.*, text: null} ELSE [key IN $entityProperties | other[key]] END,
    relation: {
      id: relation.id,
      type: type(relation),
      fromId: CASE WHEN outgoing THEN entity.id ELSE other.id END,
      toId: CASE WHEN outgoing THEN other.id ELSE entity.id END,
      evidence: CASE WHEN $withEvidence THEN relation.evidence END
    }
  }) AS rows
}
RETURN entityId,
       CASE WHEN $entityProperties IS NULL THEN entity {.*, text: null} ELSE [key IN $entityProperties | entity[key]] END AS entity,
       // Counted apart, and only when the operation reads it: counting needs no order.
       CASE WHEN $withTotalCount THEN COUNT {
         MATCH (entity)-[relation]-(other:Entity)
         WHERE type(relation) <> 'MENTIONS'
           AND ($types IS NULL OR type(relation) IN $types)
           AND ($otherKinds IS NULL OR other.kind IN $otherKinds)
           AND ($direction = 'BOTH' OR ($direction = 'OUTGOING') = (startNode(relation) = entity))
       } END AS totalCount,
       rows
