import { vocabulary } from '../ontology';

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

/** How a search matches (the contract's SearchMode). */
export const SearchMode = vocabulary('WORDS', 'PREFIX', 'FUZZY');
export type SearchMode = keyof typeof SearchMode;

/**
 * Words shorter than this are matched whole even in FUZZY mode: one edit away from a two- or
 * three-letter word is half the dictionary ("US" would find "UK", "is", "as").
 */
const FUZZY_MIN_LENGTH = 4;

/**
 * The user's text as a safe Lucene query for the mode: WORDS as escaped terms (today's search);
 * PREFIX with every term a prefix ("moun" finds "Mounties", search as you type); FUZZY with
 * every term of four letters or more allowed Lucene's default two edits ("Kely" finds "Kelly").
 * Terms are lower-cased because Lucene does not analyse prefix and fuzzy terms, and the index
 * stores them lower-cased. Empty when nothing searchable is left.
 */
export function luceneQuery(text: string, mode: SearchMode): string {
  const terms = escapeLucene(text).split(/\s+/).filter(Boolean);
  switch (mode) {
    case 'WORDS':
      return terms.join(' ');
    case 'PREFIX':
      return terms.map((term) => `${term.toLowerCase()}*`).join(' ');
    case 'FUZZY':
      return terms.map((term) => (unescapedLength(term) >= FUZZY_MIN_LENGTH ? `${term.toLowerCase()}~` : term)).join(' ');
  }
}

const unescapedLength = (term: string) => term.replace(/\\(.)/g, '$1').length;
