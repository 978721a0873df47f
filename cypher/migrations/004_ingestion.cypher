// Ingestion (issue 12). Proposals are nodes of their own (:Proposal, never :Entity), so no
// entity, relation, path or search query can reach an unreviewed proposal.
CREATE CONSTRAINT proposal_id_unique IF NOT EXISTS
FOR (p:Proposal) REQUIRE p.id IS UNIQUE;
// A proposal list is an article's (or every article's) proposals of one status: every query
// of proposals names a status, so this one index serves them all (each index costs every write).
CREATE INDEX proposal_status_article IF NOT EXISTS
FOR (p:Proposal) ON (p.status, p.articleId);
// The same text twice is one article: concurrent ingestions of one text cannot both create it.
CREATE CONSTRAINT article_content_hash_unique IF NOT EXISTS
FOR (a:Article) REQUIRE a.contentHash IS UNIQUE;
// A changed text of an article already ingested (same URL, or same title and publisher) is its next revision.
CREATE INDEX article_identity IF NOT EXISTS
FOR (a:Article) ON (a.identityKey);
