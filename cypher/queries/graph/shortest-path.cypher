// {{maxHops}} is a validated integer (1..6) put into the text: Cypher takes no parameter for a
// path's length bound. {{relationTypes}} are the ontology's relation types, which join entities
// only: a path never steps through MENTIONS (not a relation between things) nor through a
// quotation (SAID, QUOTED_IN) or any other node that is no entity. Named, they are all Neo4j
// expands; filtering each found path's relations and nodes instead cost Neo4j 1.1-1.5 ms of CPU
// per path where this costs 0.8-1.0 (bench corpus, large scale).
// Both ends are looked up in the same round trip as the path, so that a missing one is told
// apart from "no path" without a query of its own.
OPTIONAL MATCH (from:Entity {id: $fromId})
OPTIONAL MATCH (to:Entity {id: $toId})
OPTIONAL CALL (from, to) {
  WITH from, to
  WHERE from <> to
  MATCH path = shortestPath((from)-[:{{relationTypes}}*..{{maxHops}}]-(to))
  // Entities and evidence as the operation reads them (of-entities.cypher says how).
  RETURN [node IN nodes(path) | {{include queries/entity/projected.cypher entity=node}}] AS nodes,
         [relation IN relationships(path) | {
           // if: withEvidence
           evidence: relation.evidence,
           // end if
           id: relation.id, type: type(relation),
           fromId: startNode(relation).id, toId: endNode(relation).id
         }] AS relations
}
// A missing start stays null: its projection would be a list of nulls.
RETURN CASE WHEN from IS NULL THEN null ELSE {{include queries/entity/projected.cypher entity=from}} END AS start,
       to IS NOT NULL AS endFound, nodes, relations
