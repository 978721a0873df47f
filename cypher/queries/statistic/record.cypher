// A statistic's own node; its links go through relation/merge-many.cypher in the same transaction.
// The first article to state the number stays its source: the same number stated by another
// article adds that article's STATES link and mention, and changes nothing here.
// The rank is no fact of the statistic: a new one is NORMAL unless a rank is given, and a rank
// given replaces the rank and reason of one already recorded ($rank null keeps them).
MERGE (s:Entity {id: $id})
ON CREATE SET s:Statistic,
    s.kind = 'STATISTIC',
    s += $properties,
    s.periodStart = date($periodStart),
    s.periodEnd = date($periodEnd),
    s.rank = 'NORMAL'
SET s.rank = coalesce($rank, s.rank),
    s.rankReason = CASE WHEN $rank IS NULL THEN s.rankReason ELSE $rankReason END
RETURN s
