// Relations of many entities at once, with their other ends, so that a page of entities with
// their relations costs one round trip however many entities it holds. MENTIONS links articles
// to sentences and is served by `mentions`, not here.
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
  ORDER BY sortKey
  WITH collect({sortKey: sortKey, relation: relation, other: other {.*, text: null}, outgoing: outgoing}) AS matches
  RETURN size(matches) AS totalCount, [row IN matches WHERE $afterKey IS NULL OR row.sortKey > $afterKey][0..$limitPlusOne] AS rows
}
RETURN entityId, totalCount,
       [row IN rows | {
         sortKey: row.sortKey,
         other: row.other,
         relation: {
           id: row.relation.id,
           type: type(row.relation),
           fromId: CASE WHEN row.outgoing THEN entityId ELSE row.other.id END,
           toId: CASE WHEN row.outgoing THEN row.other.id ELSE entityId END,
           evidence: row.relation.evidence
         }
       }] AS rows
