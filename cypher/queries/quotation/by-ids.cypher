// Batched lookup behind the per-request quotation DataLoader (`node(id)`).
UNWIND $ids AS id
MATCH (quotation:Quotation {id: id})
OPTIONAL MATCH (speaker:Entity)-[:SAID]->(quotation)
RETURN quotation {.*} AS quotation, speaker.id AS speakerId
