// The curated graph of the corpus, loaded in one transaction with the relations of
// queries/relation/merge-many.cypher, then seed/sweep.cypher, then the name keys of its entities
// (queries/entity/claim-names.cypher, docs/ontology.md#one-name-one-entity). Every statement MERGEs on ids,
// so loading twice leaves the same nodes, relationships and counts. Every node and mention
// carries the fingerprint of the seed that wrote it.

// Nodes of every kind: :Entity plus the kind's label, with their properties.
UNWIND $nodes AS node
MERGE (n:Entity {id: node.id})
SET n:$(node.label),
    n += node.properties,
    n.seedFingerprint = $fingerprint,
    n.publishedOn = date(node.properties.publishedOn),
    n.periodStart = date(node.properties.periodStart),
    n.periodEnd = date(node.properties.periodEnd);

// Mentions: the sentences of an article that name an entity, anchored where they name it.
UNWIND $mentions AS mention
MATCH (article:Entity {id: mention.articleId})
MATCH (entity:Entity {id: mention.entityId})
MERGE (article)-[m:MENTIONS {position: mention.position}]->(entity)
SET m.sentence = mention.sentence,
    m += mention.anchor,
    m.seedFingerprint = $fingerprint;
