// What the database a restore is to write into holds, from the count store: nodes besides the
// ledger of migrations (which the restore's own migration pass writes), relationships, and nodes
// left by a restore that did not finish (still labelled :BorderKgRestoring).
CALL () { MATCH (node) RETURN count(node) AS nodes }
CALL () { MATCH (migration:Migration) RETURN count(migration) AS ledger }
CALL () { MATCH ()-[relationship]->() RETURN count(relationship) AS relationships }
CALL () { MATCH (node:BorderKgRestoring) RETURN count(node) AS unfinished }
RETURN nodes - ledger AS nodes, relationships, unfinished
