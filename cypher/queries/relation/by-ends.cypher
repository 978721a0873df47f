// A relation by its id's parts; $type was checked against the relation-type pattern.
MATCH (from:Entity {id: $fromId})-[relation:$($type)]->(to:Entity {id: $toId})
RETURN {id: relation.id, type: type(relation), fromId: from.id, toId: to.id, evidence: relation.evidence} AS relation
