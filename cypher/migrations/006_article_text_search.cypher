// Full-text search over the articles' texts: sentences(query: "Mounties") finds the articles
// holding the words here, then the sentences in them. Same analyzer as entity_search and
// quotation_search, so the three read a query alike.
CREATE FULLTEXT INDEX article_text_search IF NOT EXISTS
FOR (a:Article) ON EACH [a.text];
