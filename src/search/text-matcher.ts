import { queryTerms, type QueryTerm, type SearchMode } from './lucene';

/** A matched word of a text: text.slice(start, end), offsets in UTF-16 code units. */
export interface TextSpanRecord {
  start: number;
  end: number;
}

export interface TextMatch {
  /** The words of the text that match a term of the query, in the order of the text. */
  highlights: TextSpanRecord[];
  /** How many of the query's terms match at least one word of the text. */
  termsMatched: number;
}

/**
 * Words as the full-text indexes cut them. Neo4j's default analyzer (standard-no-stop-words)
 * is Lucene's StandardTokenizer, which splits text at Unicode's word boundaries (UAX #29), as
 * Intl.Segmenter does, and its lower-case filter, which maps one character at a time.
 */
const WORD_BOUNDARIES = new Intl.Segmenter('und', { granularity: 'word' });

interface Word extends TextSpanRecord {
  /** The word as the index stores it. */
  key: string;
}

function lowerCase(text: string): string {
  return Array.from(text, (character) => character.toLowerCase()).join('');
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const { segment, index, isWordLike } of WORD_BOUNDARIES.segment(text)) {
    if (isWordLike) words.push({ start: index, end: index + segment.length, key: lowerCase(segment) });
  }
  return words;
}

/** Lucene's default for a term~: at most two edits. */
const MAX_EDITS = 2;

/**
 * The edits between two words (insertions, deletions, substitutions and swaps of neighbours,
 * as Lucene's fuzzy automata count them), or MAX_EDITS + 1 for anything further apart.
 */
function editDistance(a: readonly string[], b: readonly string[]): number {
  if (Math.abs(a.length - b.length) > MAX_EDITS) return MAX_EDITS + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, beforePrevious[j - 2]! + 1);
      current.push(best);
    }
    if (Math.min(...current) > MAX_EDITS) return MAX_EDITS + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Whether a word of the text (lower-cased) answers the term, as Lucene's query for the term matches it. */
type WordTest = (key: string) => boolean;

function wordTest(term: QueryTerm): WordTest {
  switch (term.match) {
    case 'WORD': {
      // Lucene analyses a plain term as it analysed the text: "Canada-US" asks for "canada" or "us".
      const keys = new Set(wordsOf(term.text).map((word) => word.key));
      return (key) => keys.has(key);
    }
    case 'PREFIX': {
      const prefix = lowerCase(term.text);
      return (key) => key.startsWith(prefix);
    }
    case 'FUZZY': {
      const target = Array.from(lowerCase(term.text));
      // Terms are four letters or more, so any word two edits away counts, a two-letter one
      // included ("mike~" finds "me"): Lucene 9 accepts those too.
      return (key) => editDistance(Array.from(key), target) <= MAX_EDITS;
    }
  }
}

/**
 * Finds the words of texts that a query matches, as the full-text index matched them in the
 * mode: whole words (WORDS, and FUZZY's terms under four letters), words that begin with a term
 * (PREFIX), words within two edits of a term (FUZZY), case aside. One matcher serves every text
 * of a request: sentences and quotations alike.
 */
export class TextMatcher {
  private readonly tests: WordTest[];
  /** The terms each word answers, by the word as the index stores it: texts repeat their words. */
  private readonly termsOfWord = new Map<string, number[]>();

  constructor(terms: readonly QueryTerm[]) {
    this.tests = terms.map(wordTest);
  }

  static of(query: string, mode: SearchMode): TextMatcher {
    return new TextMatcher(queryTerms(query, mode));
  }

  /** How many terms the query has: the most a text can match. */
  get termCount(): number {
    return this.tests.length;
  }

  match(text: string): TextMatch {
    const highlights: TextSpanRecord[] = [];
    const matched = new Set<number>();
    for (const word of wordsOf(text)) {
      const terms = this.termsOf(word.key);
      if (terms.length === 0) continue;
      highlights.push({ start: word.start, end: word.end });
      for (const term of terms) matched.add(term);
    }
    return { highlights, termsMatched: matched.size };
  }

  private termsOf(key: string): number[] {
    let terms = this.termsOfWord.get(key);
    if (terms === undefined) {
      terms = this.tests.flatMap((test, index) => (test(key) ? [index] : []));
      this.termsOfWord.set(key, terms);
    }
    return terms;
  }
}
