// Everything within {{depth}} hops (a validated integer, 1..3, put into the text: Cypher takes no
// parameter for a quantifier), nearest first so that `limit` keeps the closest; then every
// relation among the kept nodes, in the same round trip.
MATCH (center:Entity {id: $id})
// Hops follow the ontology's relation types ({{relationTypes}}), which join entities only: never
// MENTIONS, nor a quotation (:Quotation, linked by SAID and QUOTED_IN), which is no stepping stone
// between them. Named in the pattern, they are all Neo4j expands.
OPTIONAL MATCH path = ANY SHORTEST
  (center)-[:{{relationTypes}}]-{1,{{depth}}}(other:Entity)
WITH center, other, length(path) AS distance
ORDER BY distance, other.id
WITH center, [node IN collect(other) WHERE node <> center][0..$othersLimit] AS others
WITH [center] + others AS nodes
// The relations are collected in a subquery so that the node projection below runs once: as a
// grouping key beside collect() it would be evaluated for every relation row (40x the db hits).
CALL (nodes) {
  UNWIND nodes AS from
  MATCH (from)-[relation:{{relationTypes}}]->(to)
  WHERE to IN nodes
  WITH relation, from, to
  ORDER BY relation.id
  RETURN collect({
    // if: withEvidence
    evidence: relation.evidence,
    // end if
    id: relation.id, type: type(relation), fromId: from.id, toId: to.id
  }) AS relations
}
// Nodes as the operation reads them (queries/entity/projected.cypher); relations with their
// evidence only when it is read (of-entities.cypher says why).
RETURN [node IN nodes | {{include queries/entity/projected.cypher entity=node}}] AS nodes, relations
