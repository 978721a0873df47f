// Full texts, fetched only for the articles whose `text` a request selects.
UNWIND $ids AS id
MATCH (article:Entity {id: id})
RETURN id, article.text AS text
