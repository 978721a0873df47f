// Entities in id order, optionally of one kind; keyset pagination on the indexed id.
CALL () {
  MATCH (n:Entity)
  WHERE $kind IS NULL OR n.kind = $kind
  RETURN count(n) AS totalCount
}
CALL () {
  MATCH (n:Entity)
  WHERE ($kind IS NULL OR n.kind = $kind) AND ($afterKey IS NULL OR n.id > $afterKey)
  RETURN n
  ORDER BY n.id
  LIMIT $limitPlusOne
}
RETURN totalCount, collect({sortKey: n.id, node: n {.*, text: null}}) AS rows
