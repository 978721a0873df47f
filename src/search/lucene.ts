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

/** How one term of a query matches a word of the text, as Lucene reads the term luceneQuery wrote. */
export type TermMatch = 'WORD' | 'PREFIX' | 'FUZZY';

/**
 * A term of the user's text: `lucene` as luceneQuery writes it (escaped, with the mode's
 * operator), `text` as Lucene's query parser sees it once the escapes are undone (what the
 * highlights compare words with), and how it matches.
 */
export interface QueryTerm {
  lucene: string;
  text: string;
  match: TermMatch;
}

/**
 * The terms of the user's text for the mode: WORDS as escaped terms (today's search); PREFIX
 * with every term a prefix ("moun" finds "Mounties", search as you type); FUZZY with every term
 * of four letters or more allowed Lucene's default two edits ("Kely" finds "Kelly"), shorter
 * ones whole words. Prefix and fuzzy terms are lower-cased because Lucene does not analyse them,
 * and the index stores words lower-cased.
 */
export function queryTerms(text: string, mode: SearchMode): QueryTerm[] {
  return escapeLucene(text)
    .split(/\s+/)
    .filter(Boolean)
    .map((escaped): QueryTerm => {
      const unescaped = escaped.replace(/\\(.)/g, '$1');
      switch (mode) {
        case 'WORDS':
          return { lucene: escaped, text: unescaped, match: 'WORD' };
        case 'PREFIX':
          return { lucene: `${escaped.toLowerCase()}*`, text: unescaped, match: 'PREFIX' };
        case 'FUZZY':
          return unescaped.length >= FUZZY_MIN_LENGTH
            ? { lucene: `${escaped.toLowerCase()}~`, text: unescaped, match: 'FUZZY' }
            : { lucene: escaped, text: unescaped, match: 'WORD' };
      }
    });
}

/** The terms as one Lucene query: any of them may match, and the more match, the higher the score. */
export function luceneOf(terms: readonly QueryTerm[]): string {
  return terms.map((term) => term.lucene).join(' ');
}

/** The user's text as a safe Lucene query for the mode (see queryTerms); empty when nothing searchable is left. */
export function luceneQuery(text: string, mode: SearchMode): string {
  return luceneOf(queryTerms(text, mode));
}
