// For each of the given statistics, the others that disagree with it: the same measure, the
// same period (the same start and end, or both undated), a place in common (as origin,
// destination or ABOUT_PLACE, which the loader and recordStatistic give every place of a
// statistic) and a value that cannot also hold: another number, or the same number with a
// qualifier that contradicts its own ($conflictingQualifiers: [qualifier, qualifier] pairs, both
// orders). Every statistic of the graph is compared, whatever its rank.
// Each disagreeing statistic comes in the row shape of page.cypher (with-links.fragment.cypher).
UNWIND $ids AS id
MATCH (asked:Entity {id: id}) WHERE asked:Statistic
CALL (asked) {
  MATCH (asked)-[:HAS_ORIGIN|HAS_DESTINATION|ABOUT_PLACE]->(place)<-[:HAS_ORIGIN|HAS_DESTINATION|ABOUT_PLACE]-(statistic:Statistic)
  WHERE statistic <> asked
    AND toLower(statistic.measure) = toLower(asked.measure)
    AND ((statistic.periodStart = asked.periodStart AND statistic.periodEnd = asked.periodEnd)
         OR (statistic.periodStart IS NULL AND statistic.periodEnd IS NULL AND asked.periodStart IS NULL AND asked.periodEnd IS NULL))
    AND (statistic.value <> asked.value OR [asked.qualifier, statistic.qualifier] IN $conflictingQualifiers)
  WITH DISTINCT statistic
  // The value to use first, the deprecated ones last (a statistic without a rank is NORMAL).
  ORDER BY CASE coalesce(statistic.rank, 'NORMAL') WHEN 'PREFERRED' THEN 0 WHEN 'NORMAL' THEN 1 ELSE 2 END, statistic.id
  RETURN collect({
    // include: queries/statistic/with-links.fragment.cypher
    node: statistic
  }) AS disagreements
}
RETURN id, disagreements
