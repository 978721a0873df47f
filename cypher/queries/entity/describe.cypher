// What writes need to know about the ids they reference: whether each exists, its kind and
// name, and an article's text (evidence must be quoted from it).
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
RETURN id, n.kind AS kind, n.name AS name, CASE WHEN n:Article THEN n.text END AS text
