// A statistic row with what resolving its fields needs, so that it costs no further query: the
// ids it links to (where a flow starts and ends, its places, reporter and collector) and the
// entities they name, with its sources. Included (`// include: ...`) where `statistic` is bound.
links: {
  originId: [(statistic)-[:HAS_ORIGIN]->(place) | place.id][0],
  destinationId: [(statistic)-[:HAS_DESTINATION]->(place) | place.id][0],
  placeIds: [(statistic)-[:ABOUT_PLACE]->(place) | place.id],
  reportedById: [(reporter)-[:REPORTED]->(statistic) | reporter.id][0],
  collectedById: [(collector)-[:COLLECTED]->(statistic) | collector.id][0]
},
related: [(statistic)-[:HAS_ORIGIN|HAS_DESTINATION|ABOUT_PLACE]->(place) | place {.*, text: null}]
       + [(reporter)-[:REPORTED]->(statistic) | reporter {.*, text: null}]
       + [(collector)-[:COLLECTED]->(statistic) | collector {.*, text: null}]
       + [(source)-[:STATES]->(statistic) | source {.*, text: null}]
