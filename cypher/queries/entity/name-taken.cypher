// Another entity already answering to one of these names would make `entity(name:)` ambiguous.
MATCH (other:Entity)
WHERE other.id <> $id AND any(key IN other.nameKeys WHERE key IN $nameKeys)
RETURN other.id AS id
LIMIT 1
