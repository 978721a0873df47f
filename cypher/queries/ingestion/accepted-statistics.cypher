// The accepted statistic proposals of an article, with the statistics they became: the ends
// of the comparisons between them ("up from", "a drop of 78% from").
MATCH (p:Proposal {articleId: $articleId})
WHERE p.status = 'ACCEPTED' AND p.kind = 'STATISTIC'
RETURN p {.*, proposedAt: toString(p.proposedAt), reviewedAt: toString(p.reviewedAt)} AS proposal
