// Every change since a time (all of them without one), newest first, keyset-paged on the sort
// key of of-entities.cypher. change_at serves the time bound, and the cursor's time bounds the
// rest of the pages, so a page reads the changes after its cursor only.
CALL () {
  MATCH (change:Change)
  WHERE $since IS NULL OR change.at >= datetime($since)
  RETURN count(change) AS totalCount
}
CALL () {
  MATCH (change:Change)
  WHERE ($since IS NULL OR change.at >= datetime($since))
    AND ($afterMillis IS NULL OR change.at <= datetime({epochMillis: $afterMillis}))
  WITH change,
       right('000000000000000' + toString(change.at.epochMillis), 15) + '|' + right('000000' + toString(change.seq), 6)
       + '|' + change.id AS sortKey
  WHERE $afterKey IS NULL OR sortKey < $afterKey
  RETURN change, sortKey
  ORDER BY sortKey DESC
  LIMIT $limitPlusOne
}
RETURN totalCount, collect({sortKey: sortKey, change: change {.*, at: toString(change.at)}}) AS rows
