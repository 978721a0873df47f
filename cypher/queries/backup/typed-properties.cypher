// The properties of `item` as [key, type, value] triples, for nodes.cypher and relationships.cypher.
// The type is valueType()'s without "NOT NULL" ("INTEGER", "LIST<FLOAT>", "ZONED DATETIME"): the
// driver hands over an integer 1 and a float 1.0 as the same JS number, the database tells them
// apart. Integers travel as decimal text, exact beyond 2^53 (src/backup/property-values.ts).
[key IN keys(item) | [key, replace(valueType(item[key]), ' NOT NULL', ''),
  CASE
    WHEN valueType(item[key]) STARTS WITH 'INTEGER' THEN toString(item[key])
    WHEN valueType(item[key]) STARTS WITH 'LIST<INTEGER' THEN [value IN item[key] | toString(value)]
    ELSE item[key]
  END]] AS properties
