// Ids are the handles clients bookmark: one node per id, and an index for every lookup by id.
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS
FOR (n:Entity) REQUIRE n.id IS UNIQUE;
