// The ledger of migrations written by the restore's own migration pass gives way to the
// backup's (applied when, by whom); migrations newer than the backup are recorded again at the end.
MATCH (migration:Migration)
DELETE migration
