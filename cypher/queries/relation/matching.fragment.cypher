// The relations of `entity` a filter asks for, with their other ends, for of-entities.cypher,
// which includes it for a page and for its count: binds `relation` and `other`. MENTIONS links
// articles to sentences and is served by `mentions`, not here. Each condition the filter gives is
// a line of its own (its flag), so Neo4j plans only what is asked.
MATCH (entity)-[relation]-(other:Entity)
WHERE type(relation) <> 'MENTIONS'
// if: byTypes
  AND type(relation) IN $types
// end if
// if: byOtherKinds
  AND other.kind IN $otherKinds
// end if
// if not: direction = BOTH
  AND ($direction = 'OUTGOING') = (startNode(relation) = entity)
// end if
