// A statistic's own node; its links go through relation/merge-many.cypher in the same transaction.
// The first article to state the number stays its source: the same number stated by another
// article adds that article's STATES link and mention, and changes nothing here.
MERGE (s:Entity {id: $id})
ON CREATE SET s:Statistic,
    s.kind = 'STATISTIC',
    s += $properties,
    s.periodStart = date($periodStart),
    s.periodEnd = date($periodEnd)
RETURN s
