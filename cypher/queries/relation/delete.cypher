// $type was checked against the relation-type pattern before it reached this query.
OPTIONAL MATCH (:Entity {id: $fromId})-[relation:$($type)]->(:Entity {id: $toId})
DELETE relation
RETURN count(relation) > 0 AS deleted
