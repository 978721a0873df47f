// The proposals a superseded revision still awaits review for are withdrawn: the new revision
// proposes again from its own text, and accepting both would state the same facts twice.
MATCH (p:Proposal {articleId: $previousId, status: 'PROPOSED'})
SET p.status = 'REJECTED',
    p.reviewedBy = 'ingestion',
    p.reviewedAt = datetime($at),
    p.note = 'withdrawn: superseded by ' + $articleId
