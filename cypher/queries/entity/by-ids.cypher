// Batched lookup behind the per-request entity DataLoader.
// An article's full text is left out (text: null): it is fetched only when a client asks for it.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*, text: null} AS n
