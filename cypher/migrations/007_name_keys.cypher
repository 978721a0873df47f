// One name, one entity (issue 16, docs/ontology.md#one-name-one-entity): every name and alias of
// an entity of the curated kinds holds (:NameKey {key, entityId, name}) nodes, keyed by the UTS #39
// skeletons of the NFC name lower-cased and as written (src/entity/entity-identity.ts). The
// constraint makes the database refuse a second holder of a key, look-alikes included, however
// many writers race; entities of earlier writes get their keys at startup (claimMissingNameKeys).
CREATE CONSTRAINT name_key_unique IF NOT EXISTS
FOR (k:NameKey) REQUIRE k.key IS UNIQUE;
// A renamed entity releases the keys of its old names; the seed's sweep, those of the entities it removes.
CREATE INDEX name_key_entity IF NOT EXISTS
FOR (k:NameKey) ON (k.entityId);
