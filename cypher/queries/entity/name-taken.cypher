// Articles and statistics hold no name keys (their names may repeat: revisions of an article,
// articles titled alike), so a curated name is checked against theirs here: one answering to
// both would make `entity(name:)` ambiguous.
MATCH (other:Entity)
WHERE (other:Article OR other:Statistic) AND any(key IN other.nameKeys WHERE key IN $nameKeys)
RETURN other.id AS id
LIMIT 1
