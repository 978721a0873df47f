// A statistic's own node; its links go through relation/merge-many.cypher in the same transaction.
// The first article to state the number stays its source: the same number stated by another
// article adds that article's STATES link and mention, and changes nothing here.
// The rank is no fact of the statistic: a new one is NORMAL unless a rank is given, and a rank
// given replaces the rank and reason of one already recorded ($rank null keeps them).
// `before` is what the statistic held (null for a new one), for the write's Change.
MERGE (s:Entity {id: $id})
ON CREATE SET s:Statistic, s.kind = 'STATISTIC'
// Locked before it is read (the _LOCK_ idiom): of two records of one statistic the second waits,
// and its `before` is what the first left.
SET s._lock = true
REMOVE s._lock
WITH s, CASE WHEN s.name IS NULL THEN null ELSE properties(s) END AS before
CALL (s, before) {
  WITH s WHERE before IS NULL
  SET s += $properties,
      s.periodStart = date($periodStart),
      s.periodEnd = date($periodEnd),
      s.rank = 'NORMAL'
}
SET s.rank = coalesce($rank, s.rank),
    s.rankReason = CASE WHEN $rank IS NULL THEN s.rankReason ELSE $rankReason END
RETURN s, before
