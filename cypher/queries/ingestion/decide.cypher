// Records editors' decisions on proposals (their facts were written in the same transaction).
UNWIND $decisions AS decision
MATCH (p:Proposal {id: decision.id})
SET p.status = decision.status,
    p.reviewedBy = $reviewedBy,
    p.reviewedAt = datetime($reviewedAt),
    p.factId = decision.factId,
    p.note = decision.note,
    p.payload = coalesce(decision.payload, p.payload)
RETURN p {.*, proposedAt: toString(p.proposedAt), reviewedAt: toString(p.reviewedAt)} AS proposal
