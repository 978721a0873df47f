// Creates typed relations or adds evidence to existing ones ($type values were checked
// against the ontology's vocabulary). The _lock write comes first so that the read of
// r.evidence happens under the relationship's write lock: concurrent links of one pair keep
// every distinct piece of evidence instead of the last writer's, and each one's `before` (null for
// a new relation, which has no evidence yet) is what the previous one left, for its Change.
UNWIND $relations AS relation
MATCH (from:Entity {id: relation.fromId})
MATCH (to:Entity {id: relation.toId})
MERGE (from)-[r:$(relation.type)]->(to)
ON CREATE SET r.id = relation.id
SET r._lock = true
REMOVE r._lock
WITH r, relation, CASE WHEN r.evidence IS NULL THEN null ELSE properties(r) END AS before
SET r.evidence = coalesce(r.evidence, []) + [pair IN relation.evidence WHERE NOT pair IN coalesce(r.evidence, [])]
RETURN {id: r.id, type: type(r), fromId: relation.fromId, toId: relation.toId, evidence: r.evidence} AS relation,
       before, properties(r) AS after
