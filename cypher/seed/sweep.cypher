// After the seed is loaded, in its transaction: marks what this seed wrote with its fingerprint,
// removes what an earlier seed wrote and this one no longer holds, and records the load. What
// editors wrote carries no mark and is never removed here.

// The seed's relations (merged by queries/relation/merge-many.cypher, which editors' writes share).
UNWIND $relations AS relation
MATCH (:Entity {id: relation.fromId})-[r]->(:Entity {id: relation.toId})
WHERE type(r) = relation.type
SET r.seedFingerprint = $fingerprint;

UNWIND $quotationIds AS id
MATCH (quotation:Quotation {id: id})
SET quotation.seedFingerprint = $fingerprint;

// Nodes an earlier seed held and this one does not (a re-curation merged or dropped them).
MATCH (n)
WHERE (n:Entity OR n:Quotation) AND n.seedFingerprint <> $fingerprint
DETACH DELETE n;

// Relationships and mentions an earlier seed gave the nodes this one keeps.
MATCH (n:Entity)-[r]-()
WHERE n.seedFingerprint = $fingerprint AND r.seedFingerprint <> $fingerprint
WITH DISTINCT r
DELETE r;

MERGE (load:SeedLoad {name: 'curated'})
SET load.fingerprint = $fingerprint,
    load.loadedAt = datetime();
