// Full-text search over what a researcher types: names, the aliases the sources use, descriptions.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliases, n.description];
