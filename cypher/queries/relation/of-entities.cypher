// Relations of many entities at once, with their other ends, so that a page of entities with
// their relations costs one round trip however many entities it holds (the relations a filter
// asks for: matching.fragment.cypher). The entity itself comes back too: a
// resolver that asks for an entity and its relations then needs no second query. Entities come
// as the properties the operation reads ($entityProperties, a list of their values in that
// order), or whole when it is null; evidence only when the operation reads it ($withEvidence).
UNWIND $entityIds AS entityId
MATCH (entity:Entity {id: entityId})
CALL (entity) {
  // include: queries/relation/matching.fragment.cypher
  WITH relation, other, startNode(relation) = entity AS outgoing
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
         // include: queries/relation/matching.fragment.cypher
       } END AS totalCount,
       rows
