// What an ingestion must know before it writes, in one round trip: the article that already
// holds this text (then nothing is written), the newest revision of the same article (same
// URL, or same title and publisher), and which of the candidate ids are taken.
OPTIONAL MATCH (same:Article {contentHash: $contentHash})
CALL () {
  OPTIONAL MATCH (earlier:Article {identityKey: $identityKey})
  WHERE earlier.supersededById IS NULL
  RETURN earlier
  ORDER BY earlier.revision DESC
  LIMIT 1
}
CALL () {
  UNWIND $candidateIds AS candidateId
  OPTIONAL MATCH (holder:Entity {id: candidateId})
  RETURN collect(holder.id) AS takenIds
}
RETURN same.id AS sameId, earlier {.id, .revision} AS earlier, takenIds
