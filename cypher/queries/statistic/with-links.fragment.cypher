// A statistic row with the entities it links to that the operation reads ($linked: places,
// reporter, collector, sources, each true or false), so that resolving origin, destination,
// places, reporter, collector and source costs no further query; a link not read is null, not
// empty. Places come with the type of their link (HAS_ORIGIN, HAS_DESTINATION, ABOUT_PLACE).
// Included (`// include: ...`) where `statistic` is bound; the entities come as the operation
// reads them, by $entityProperties (of-entities.cypher says how). Reading only what is selected
// matters: a page of 50 numbers about one place would otherwise send that place 50 times over,
// and each link costs Neo4j an expansion per statistic.
linked: {
  places: CASE WHEN $linked.places THEN [(statistic)-[link:HAS_ORIGIN|HAS_DESTINATION|ABOUT_PLACE]->(place) | {type: type(link), entity: CASE WHEN $entityProperties IS NULL THEN place {.*, text: null} ELSE [key IN $entityProperties | place[key]] END}] END,
  reporter: CASE WHEN $linked.reporter THEN [(reporter)-[:REPORTED]->(statistic) | CASE WHEN $entityProperties IS NULL THEN reporter {.*, text: null} ELSE [key IN $entityProperties | reporter[key]] END] END,
  collector: CASE WHEN $linked.collector THEN [(collector)-[:COLLECTED]->(statistic) | CASE WHEN $entityProperties IS NULL THEN collector {.*, text: null} ELSE [key IN $entityProperties | collector[key]] END] END,
  sources: CASE WHEN $linked.sources THEN [(source)-[:STATES]->(statistic) | CASE WHEN $entityProperties IS NULL THEN source {.*, text: null} ELSE [key IN $entityProperties | source[key]] END] END
}
