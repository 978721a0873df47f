// A statistic row with what resolving its fields needs, so that it costs no further query: the
// ids it links to (where a flow starts and ends, its places, reporter and collector) and the
// entities they name, with its sources. Included (`// include: ...`) where `statistic` is bound;
// the entities come as the operation reads them, by $entityProperties (of-entities.cypher says how).
links: {
  originId: [(statistic)-[:HAS_ORIGIN]->(place) | place.id][0],
  destinationId: [(statistic)-[:HAS_DESTINATION]->(place) | place.id][0],
  placeIds: [(statistic)-[:ABOUT_PLACE]->(place) | place.id],
  reportedById: [(reporter)-[:REPORTED]->(statistic) | reporter.id][0],
  collectedById: [(collector)-[:COLLECTED]->(statistic) | collector.id][0]
},
// Only the entities the operation reads through the statistic ($linked: places, reporter,
// collector, sources, each true or false): a page of 50 numbers about one place would otherwise
// send that place 50 times over for nothing.
related: CASE WHEN $linked.places THEN [(statistic)-[:HAS_ORIGIN|HAS_DESTINATION|ABOUT_PLACE]->(place) | CASE WHEN $entityProperties IS NULL THEN place {.*, text: null} ELSE [key IN $entityProperties | place[key]] END] ELSE [] END
       + CASE WHEN $linked.reporter THEN [(reporter)-[:REPORTED]->(statistic) | CASE WHEN $entityProperties IS NULL THEN reporter {.*, text: null} ELSE [key IN $entityProperties | reporter[key]] END] ELSE [] END
       + CASE WHEN $linked.collector THEN [(collector)-[:COLLECTED]->(statistic) | CASE WHEN $entityProperties IS NULL THEN collector {.*, text: null} ELSE [key IN $entityProperties | collector[key]] END] ELSE [] END
       + CASE WHEN $linked.sources THEN [(source)-[:STATES]->(statistic) | CASE WHEN $entityProperties IS NULL THEN source {.*, text: null} ELSE [key IN $entityProperties | source[key]] END] ELSE [] END
