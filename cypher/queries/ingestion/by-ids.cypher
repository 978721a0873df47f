// Proposals by id.
UNWIND $ids AS id
MATCH (p:Proposal {id: id})
RETURN p {.*, proposedAt: toString(p.proposedAt), reviewedAt: toString(p.reviewedAt)} AS proposal
