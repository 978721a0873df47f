// An ingested article, written once (CREATE: the content-hash constraint refuses a second
// writer of the same text, which the caller answers as a no-op). A revision names the article
// it revises, and that one names its successor: its evidence stays valid against its own text.
// What the revised article named before (its supersededById), for the write's Change.
CREATE (article:Entity:Article {id: $id})
SET article += $properties,
    article.publishedOn = date($publishedOn),
    article.ingestedAt = datetime($ingestedAt)
WITH article
OPTIONAL MATCH (previous:Article {id: $previousId})
WITH article, previous, previous {.supersededById} AS previousBefore
// Nothing to set without a previous revision: SET on null does nothing.
SET previous.supersededById = article.id
RETURN article {.*, text: null} AS article, previousBefore
