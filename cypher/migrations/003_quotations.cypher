// Quotations are nodes of their own (:Quotation, never :Entity): one node per id, found by id.
CREATE CONSTRAINT quotation_id_unique IF NOT EXISTS
FOR (q:Quotation) REQUIRE q.id IS UNIQUE;
// Full-text search over the words quoted: quotations(words: "grass").
CREATE FULLTEXT INDEX quotation_search IF NOT EXISTS
FOR (q:Quotation) ON EACH [q.text];
