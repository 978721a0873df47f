// nameKeys holds the case-folded name and aliases; ties (never in the seed) go to the smallest id.
MATCH (n:Entity)
WHERE $nameKey IN n.nameKeys
RETURN n {.*, text: null} AS n
ORDER BY n.id
LIMIT 1
