// Restored relationships find their ends by the elementId the backup gave them, kept on the
// restored nodes until the restore ends: without an index each would scan every node.
CREATE INDEX border_kg_restore IF NOT EXISTS
FOR (node:BorderKgRestoring) ON (node.borderKgRestoreId)
