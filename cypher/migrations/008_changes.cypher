// The history of writes (issue 16, docs/api.md#history): every committed write of the API records
// (:Change {id, at, seq, by, operation, what, entityIds, before, after}) in its own transaction,
// linked by CHANGED to the entities it touched. A Change is not an :Entity: no entity query,
// search, path or neighbourhood reaches it.
// Entity.history finds the changes of an entity by its id, even once it was deleted and written again.
CREATE INDEX change_what IF NOT EXISTS
FOR (c:Change) ON (c.what);
// changes(since:) reads the changes of a span of time, newest first.
CREATE INDEX change_at IF NOT EXISTS
FOR (c:Change) ON (c.at);
