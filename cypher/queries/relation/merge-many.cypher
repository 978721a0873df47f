// Creates typed relations or adds evidence to existing ones ($type values were checked
// against the ontology's vocabulary). The _lock write comes first so that the read of
// r.evidence happens under the relationship's write lock: concurrent links of one pair keep
// every distinct piece of evidence instead of the last writer's.
UNWIND $relations AS relation
MATCH (from:Entity {id: relation.fromId})
MATCH (to:Entity {id: relation.toId})
MERGE (from)-[r:$(relation.type)]->(to)
ON CREATE SET r.id = relation.id, r.evidence = []
SET r._lock = true
WITH r, relation
SET r.evidence = r.evidence + [pair IN relation.evidence WHERE NOT pair IN r.evidence]
REMOVE r._lock
RETURN {id: r.id, type: type(r), fromId: relation.fromId, toId: relation.toId, evidence: r.evidence} AS relation
