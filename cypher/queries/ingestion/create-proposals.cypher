// An article's proposals, awaiting review. The payload is JSON: properties cannot hold maps,
// and only the ingestion domain reads it.
UNWIND $proposals AS proposal
CREATE (p:Proposal)
SET p = proposal,
    p.status = 'PROPOSED',
    p.proposedAt = datetime($proposedAt)
