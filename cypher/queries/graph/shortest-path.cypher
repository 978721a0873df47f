// {{maxHops}} is a validated integer (1..6) put into the text: Cypher takes no parameter for a
// path's length bound. MENTIONS is not a relation between things, so paths never use it.
MATCH (from:Entity {id: $fromId}), (to:Entity {id: $toId})
MATCH path = shortestPath((from)-[*..{{maxHops}}]-(to))
WHERE none(relation IN relationships(path) WHERE type(relation) = 'MENTIONS')
RETURN [node IN nodes(path) | node {.*, text: null}] AS nodes,
       [relation IN relationships(path) | {
         id: relation.id, type: type(relation),
         fromId: startNode(relation).id, toId: endNode(relation).id, evidence: relation.evidence
       }] AS relations
