// The history of many entities at once (one round trip per request, not per entity), newest
// first: the changes whose subject is the entity, found by its id (change_what) even where the
// entity was deleted and written again, and those that touched it (CHANGED: its links, the
// statistics about it). The sort key is the time, then the order within one write, then the id.
UNWIND $entityIds AS entityId
CALL (entityId) {
  CALL (entityId) {
    MATCH (change:Change {what: entityId})
    RETURN change
    UNION
    MATCH (:Entity {id: entityId})<-[:CHANGED]-(change:Change)
    RETURN change
  }
  WITH change,
       right('000000000000000' + toString(change.at.epochMillis), 15) + '|' + right('000000' + toString(change.seq), 6)
       + '|' + change.id AS sortKey
  ORDER BY sortKey DESC
  WITH collect({sortKey: sortKey, change: change {.*, at: toString(change.at)}}) AS changes
  RETURN size(changes) AS totalCount, [row IN changes WHERE $afterKey IS NULL OR row.sortKey < $afterKey][0..$limitPlusOne] AS rows
}
RETURN entityId, totalCount, rows
