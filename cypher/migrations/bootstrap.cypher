// Runs before every migration pass: the ledger of applied migrations needs its own constraint first.
CREATE CONSTRAINT migration_name_unique IF NOT EXISTS
FOR (m:Migration) REQUIRE m.name IS UNIQUE;
