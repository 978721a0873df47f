// The accepted statistic proposals of an article, with the statistics they became: the ends
// of the comparisons between them ("up from", "a drop of 78% from").
MATCH (p:Proposal {status: 'ACCEPTED', articleId: $articleId})
WHERE p.kind = 'STATISTIC'
RETURN p {.*, proposedAt: toString(p.proposedAt), reviewedAt: toString(p.reviewedAt)} AS proposal
