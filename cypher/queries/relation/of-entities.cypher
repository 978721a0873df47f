// Relations of many entities at once, with their other ends, so that a page of entities with
// their relations costs one round trip however many entities it holds (the relations a filter
// asks for: matching.fragment.cypher). The entity itself comes back too: a resolver that asks
// for an entity and its relations then needs no second query. Entities come as the operation
// reads them (queries/entity/projected.cypher); evidence only when it reads it (withEvidence).
UNWIND $entityIds AS entityId
MATCH (entity:Entity {id: entityId})
CALL (entity) {
  // include: queries/relation/matching.fragment.cypher
  WITH relation, other, startNode(relation) = entity AS outgoing
  WITH relation, other, outgoing,
       type(relation) + '|' + CASE WHEN outgoing THEN 'out' ELSE 'in' END + '|' + other.id AS sortKey
  // if: hasAfterKey
  WHERE sortKey > $afterKey
  // end if
  // ORDER BY with LIMIT keeps the page's rows only (Neo4j's Top), where sorting and collecting
  // every relation of a hub (8,000 for the large corpus's Canada) then slicing cost 4 times as much.
  ORDER BY sortKey
  LIMIT $limitPlusOne
  // A row is a list, read by position in relation.repository.ts (RelationRow): as maps, their keys
  // were sent and decoded again for every row, and the driver spent about a quarter more CPU on a
  // page of 20 (0.59 against 0.47 ms, driver-only loop on the large bench corpus).
  RETURN collect([
    sortKey,
    relation.id,
    type(relation),
    CASE WHEN outgoing THEN entity.id ELSE other.id END,
    CASE WHEN outgoing THEN other.id ELSE entity.id END,
    {{include queries/entity/projected.cypher entity=other}}
    // if: withEvidence
    , relation.evidence
    // end if
  ]) AS rows
}
RETURN entityId,
       {{include queries/entity/projected.cypher entity=entity}} AS entity,
       // if: counted
       // Counted apart, and only when the operation reads it: counting needs no order.
       COUNT {
         // include: queries/relation/matching.fragment.cypher
       } AS totalCount,
       // else
       null AS totalCount,
       // end if
       rows
