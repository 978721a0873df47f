// What a backup's header records, read in the backup's own transaction: the server, the size
// of the graph (from the count store, no scan however large it is) and the migrations applied.
// Read again at the end: counts that moved mean writes ran during the backup. Nodes still
// labelled :BorderKgRestoring belong to a restore that did not finish (restore-target.cypher).
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
CALL db.info() YIELD name AS database
CALL () { MATCH (node) RETURN count(node) AS nodes }
CALL () { MATCH ()-[relationship]->() RETURN count(relationship) AS relationships }
CALL () { MATCH (node:BorderKgRestoring) RETURN count(node) AS unfinishedRestore }
CALL () {
  MATCH (migration:Migration)
  WITH migration.name AS migration ORDER BY migration
  RETURN collect(migration) AS migrations
}
RETURN versions[0] AS version, edition, database, nodes, relationships, unfinishedRestore, migrations
