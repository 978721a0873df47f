// Creates quotations or updates them to the curated words, speaker and article; MERGE on the
// unique id, so loading twice leaves the same nodes and relationships. A quotation is linked
// to its article (QUOTED_IN) and, where the article names one, to its speaker (SAID); links the
// curators have since changed are removed. Quotations whose article is absent yield no row,
// which the caller reports. Each quotation before (null for a new one) and after, with its
// speaker's id, for a write's Change.
UNWIND $quotations AS q
MATCH (article:Entity {id: q.articleId})
MERGE (quotation:Quotation {id: q.id})
WITH quotation, q, article,
     CASE WHEN quotation.text IS NULL THEN null
          ELSE quotation {.*, speakerId: head([(speaker:Entity)-[:SAID]->(quotation) | speaker.id])} END AS before
SET quotation += q.properties
MERGE (quotation)-[:QUOTED_IN]->(article)
WITH quotation, q, article, before
CALL (quotation, article) {
  MATCH (quotation)-[stale:QUOTED_IN]->(other)
  WHERE other <> article
  DELETE stale
}
CALL (quotation, q) {
  MATCH (other)-[stale:SAID]->(quotation)
  WHERE q.speakerId IS NULL OR other.id <> q.speakerId
  DELETE stale
}
CALL (quotation, q) {
  MATCH (speaker:Entity {id: q.speakerId})
  MERGE (speaker)-[:SAID]->(quotation)
}
RETURN q.id AS id, q.speakerId IS NULL OR EXISTS { (:Entity {id: q.speakerId})-[:SAID]->(quotation) } AS speakerLinked,
       before, quotation {.*, speakerId: head([(speaker:Entity)-[:SAID]->(quotation) | speaker.id])} AS after
