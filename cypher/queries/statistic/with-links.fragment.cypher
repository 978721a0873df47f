// The entities a statistic row links to that the operation reads (each its flag: linkedPlaces,
// linkedReporter, linkedCollector, linkedSources), so that resolving origin, destination,
// places, reporter, collector and source costs no further query; a link not read is absent.
// Places come with the type of their link (HAS_ORIGIN, HAS_DESTINATION, ABOUT_PLACE).
// Included (`// include: ...`) in a map where `statistic` is bound, before its last entry; the
// entities come as the operation reads them (queries/entity/projected.cypher). Reading only what
// is selected matters: a page of 50 numbers about one place would otherwise send that place 50
// times over, and each link costs Neo4j an expansion per statistic.
// if: linkedPlaces
places: [(statistic)-[link:HAS_ORIGIN|HAS_DESTINATION|ABOUT_PLACE]->(place) | {type: type(link), entity: {{include queries/entity/projected.cypher entity=place}}}],
// end if
// if: linkedReporter
reporter: [(reporter)-[:REPORTED]->(statistic) | {{include queries/entity/projected.cypher entity=reporter}}],
// end if
// if: linkedCollector
collector: [(collector)-[:COLLECTED]->(statistic) | {{include queries/entity/projected.cypher entity=collector}}],
// end if
// if: linkedSources
sources: [(source)-[:STATES]->(statistic) | {{include queries/entity/projected.cypher entity=source}}],
// end if
