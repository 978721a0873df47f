// Takes the restore's temporary label and elementId off a batch of nodes; 0 once none is left.
MATCH (node:BorderKgRestoring)
WITH node LIMIT $batchSize
REMOVE node:BorderKgRestoring, node.borderKgRestoreId
RETURN count(node) AS finished
