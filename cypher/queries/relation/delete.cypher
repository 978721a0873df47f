// $type was checked against the relation-type pattern before it reached this query. The relation's
// properties as they were (null when there was none), for the write's Change.
OPTIONAL MATCH (:Entity {id: $fromId})-[relation:$($type)]->(:Entity {id: $toId})
WITH relation, properties(relation) AS before
DELETE relation
RETURN before
