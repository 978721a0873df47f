DROP INDEX border_kg_restore IF EXISTS
