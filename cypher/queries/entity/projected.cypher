// The entity bound to {{entity}} as the operation reads it (src/entity/entity-projection.ts):
// whole (every property but an article's text, which only `text` fetches), or the list of the
// values of $entityProperties then of $entityDates in that order, as Cypher has no map built from
// lists. Dates come as text ("2024-05-01"), as the API answers them: neo4j-driver would decode
// each into an object through 64-bit integer arithmetic, and a page of statistics holds a hundred.
// Included inline: {{include queries/entity/projected.cypher entity=<variable>}}.
// if: wholeEntities
{{entity}} {.*, text: null}
// else
[key IN $entityProperties | {{entity}}[key]]
// if: entityDates
+ [key IN $entityDates | toString({{entity}}[key])]
// end if
// end if
