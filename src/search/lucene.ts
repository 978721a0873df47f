/** Characters Lucene's query parser treats as syntax; `&&` and `||` are covered by & and |. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** Upper-case AND, OR and NOT are operators to Lucene; lower-cased they are words again. */
const LUCENE_OPERATOR = /\b(AND|OR|NOT)\b/g;

/**
 * Makes any user text a safe Lucene query of plain terms: db.index.fulltext.queryNodes parses
 * its query string as Lucene syntax even when it arrives as a parameter.
 */
export function escapeLucene(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(LUCENE_SPECIAL, (character) => `\\${character}`)
    .replace(LUCENE_OPERATOR, (operator) => operator.toLowerCase())
    .trim();
}
