// A statistic's own node; its links go through relation/merge-many.cypher in the same transaction.
MERGE (s:Entity {id: $id})
ON CREATE SET s:Statistic, s.kind = 'STATISTIC'
SET s += $properties,
    s.periodStart = date($periodStart),
    s.periodEnd = date($periodEnd)
RETURN s
