// The places and reporter of statistics reached some other way than `statistics` (by id, search, path).
UNWIND $ids AS id
MATCH (statistic:Entity {id: id})
RETURN id,
       {
         originId: [(statistic)-[:HAS_ORIGIN]->(place) | place.id][0],
         destinationId: [(statistic)-[:HAS_DESTINATION]->(place) | place.id][0],
         placeIds: [(statistic)-[:ABOUT_PLACE]->(place) | place.id],
         reportedById: [(reporter)-[:REPORTED]->(statistic) | reporter.id][0]
       } AS links
