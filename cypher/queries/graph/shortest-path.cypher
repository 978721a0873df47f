// {{maxHops}} is a validated integer (1..6) put into the text: Cypher takes no parameter for a
// path's length bound. MENTIONS is not a relation between things, so paths never use it.
// Both ends are looked up in the same round trip as the path, so that a missing one is told
// apart from "no path" without a query of its own.
OPTIONAL MATCH (from:Entity {id: $fromId})
OPTIONAL MATCH (to:Entity {id: $toId})
OPTIONAL CALL (from, to) {
  WITH from, to
  WHERE from <> to
  MATCH path = shortestPath((from)-[*..{{maxHops}}]-(to))
  // Paths join entities only: a quotation (linked to its speaker and its article) is no step.
  WHERE none(relation IN relationships(path) WHERE type(relation) = 'MENTIONS')
    AND all(node IN nodes(path) WHERE node:Entity)
  RETURN [node IN nodes(path) | node {.*, text: null}] AS nodes,
         [relation IN relationships(path) | {
           id: relation.id, type: type(relation),
           fromId: startNode(relation).id, toId: endNode(relation).id, evidence: relation.evidence
         }] AS relations
}
RETURN from {.*, text: null} AS start, to IS NOT NULL AS endFound, nodes, relations
