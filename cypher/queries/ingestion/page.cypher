// Proposals of one status, of one article or of every article: in article order, then in the
// order of the text. Sort key: article id, the start offset zero-padded to sort as text, the id.
MATCH (p:Proposal)
WHERE p.status = $status AND ($articleId IS NULL OR p.articleId = $articleId)
WITH p, p.articleId + '|' + right('0000000000' + toString(p.start), 10) + '|' + p.id AS sortKey
ORDER BY sortKey
WITH collect({sortKey: sortKey, proposal: p {.*, proposedAt: toString(p.proposedAt), reviewedAt: toString(p.reviewedAt)}}) AS matches
RETURN size(matches) AS totalCount, [row IN matches WHERE $afterKey IS NULL OR row.sortKey > $afterKey][0..$limitPlusOne] AS rows
