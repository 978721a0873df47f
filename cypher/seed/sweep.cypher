// After the seed is loaded, in its transaction: marks the quotations it wrote with its
// fingerprint (nodes, mentions and relations were marked as they were written), removes what an
// earlier seed wrote and this one no longer holds, and records the load. What editors wrote
// carries no mark and is never removed here.

UNWIND $quotationIds AS id
MATCH (quotation:Quotation {id: id})
SET quotation.seedFingerprint = $fingerprint;

// Nodes an earlier seed held and this one does not (a re-curation merged or dropped them), and
// the name keys of those entities: their names are free again.
MATCH (n)
WHERE (n:Entity OR n:Quotation) AND n.seedFingerprint <> $fingerprint
OPTIONAL MATCH (key:NameKey {entityId: n.id})
DETACH DELETE n, key;

// Relationships and mentions an earlier seed gave the nodes this one keeps.
MATCH (n:Entity)-[r]-()
WHERE n.seedFingerprint = $fingerprint AND r.seedFingerprint <> $fingerprint
WITH DISTINCT r
DELETE r;

MERGE (load:SeedLoad {name: 'curated'})
SET load.fingerprint = $fingerprint,
    load.loadedAt = datetime();
