// What the extractors match names against: every entity but statistics and articles, with the
// country of a place or organization (a statistic's origin and destination are read with it).
MATCH (n:Entity)
WHERE NOT n.kind IN ['STATISTIC', 'ARTICLE']
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, n.countryId AS countryId
ORDER BY n.id
