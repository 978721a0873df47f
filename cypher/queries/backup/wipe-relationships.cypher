// Undoing a failed restore, a batch at a time: the database was empty before it.
MATCH ()-[relationship]->()
WITH relationship LIMIT $batchSize
DELETE relationship
RETURN count(relationship) AS deleted
