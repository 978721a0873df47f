// Proposals by id, each locked for the decision (the write takes the node's lock until commit):
// two editors deciding one proposal at once are serialised, and the second sees the first's decision.
UNWIND $ids AS id
MATCH (p:Proposal {id: id})
SET p._lock = true
REMOVE p._lock
RETURN p {.*, proposedAt: toString(p.proposedAt), reviewedAt: toString(p.reviewedAt)} AS proposal
