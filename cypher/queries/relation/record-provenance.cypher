// The provenance of one relation, where none was recorded: a link the seed or an extraction
// already backed keeps what it says; more evidence does not change where the link came from.
// The relation as it is then, for the write's Change; no row when it had a provenance already.
MATCH (:Entity {id: $fromId})-[r]->(:Entity {id: $toId})
WHERE type(r) = $type AND r.provenanceKind IS NULL
SET r.provenanceKind = $kind,
    r.provenanceNote = $note
RETURN properties(r) AS after
