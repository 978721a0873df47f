/**
 * Sentences of article texts: how evidence quotes and mentions are matched against the
 * corpus, by the seed and by editors' writes alike.
 */

/**
 * Titles that stand before a name, so their period never ends a sentence
 * ("Rep. Kelly", "Dr. Smith").
 */
const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'rep', 'reps', 'sen', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'prof', 'st',
]);

/**
 * After an initialism such as "U.S." a capitalised word is usually part of a name
 * ("U.S. Border Patrol", "U.S. Customs"); only a word that typically opens a sentence
 * marks a boundary ("... crossing from the U.S. The New York Times reported ...").
 */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you',
  'his', 'her', 'their', 'our', 'in', 'on', 'at', 'but', 'and', 'however', 'meanwhile', 'still', 'yet', 'so',
  'many', 'some', 'even', 'as', 'after', 'before', 'when', 'while', 'if', 'since', 'following', 'last',
]);

const INITIALISM = /^(?:[A-Za-z]\.){2,}$/;
const SINGLE_INITIAL = /^[A-Z]\.$/;
const OPENING_PUNCTUATION = /^["'“‘(\[]+/;
const CLOSING_PUNCTUATION = /["'”’)\]]+$/;

/** A sentence and where it sits in its article's text (text.slice(start, end) === sentence). */
export interface SentenceSpan {
  start: number;
  end: number;
  sentence: string;
}

/**
 * Splits an article into sentences. Every non-empty line is at least one sentence, so
 * headline-like lines ("Migrants Escaping to Canada") count; within a line a sentence ends
 * at . ! or ? (with any closing quote) followed by whitespace and a capital, a digit or an
 * opening quote, unless the period belongs to a title or an initialism that continues a name.
 */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((span) => span.sentence);
}

/** The sentences of splitSentences with their offsets in the text. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const line of text.matchAll(/[^\r\n]+/g)) {
    for (const span of splitLine(line[0])) {
      spans.push({ start: line.index + span.start, end: line.index + span.end, sentence: span.sentence });
    }
  }
  return spans;
}

/** The sentences of one line, trimmed, with their offsets in the line. */
function splitLine(line: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const push = (from: number, to: number) => {
    const raw = line.slice(from, to);
    const sentence = raw.trim();
    if (sentence.length === 0) return;
    const start = from + raw.indexOf(sentence);
    spans.push({ start, end: start + sentence.length, sentence });
  };
  let start = 0;
  for (const boundary of line.matchAll(/[.!?]+["'”’)\]]*(?=\s+(\S+))/g)) {
    const end = boundary.index + boundary[0].length;
    if (endsSentence(line.slice(start, end), boundary[1]!)) {
      push(start, end);
      start = end;
    }
  }
  push(start, line.length);
  return spans;
}

function endsSentence(candidate: string, nextToken: string): boolean {
  const nextWord = nextToken.replace(OPENING_PUNCTUATION, '');
  const opensWithQuote = nextWord.length < nextToken.length;
  if (!opensWithQuote && !/^[\p{Lu}\p{N}]/u.test(nextWord)) return false;

  const lastToken = (candidate.trim().split(/\s+/).pop() ?? '').replace(CLOSING_PUNCTUATION, '');
  if (!lastToken.endsWith('.')) return true;
  if (INITIALISM.test(lastToken)) return SENTENCE_OPENERS.has(nextWord.replace(/\W+$/, '').toLowerCase());
  if (SINGLE_INITIAL.test(lastToken)) return false;
  return !TITLE_ABBREVIATIONS.has(lastToken.slice(0, -1).toLowerCase());
}

/** Typographic quote marks and the straight ones texts are compared with. */
const STRAIGHT_QUOTES: Readonly<Record<string, string>> = { '‘': "'", '’': "'", '‛': "'", '′': "'", '“': '"', '”': '"', '„': '"', '″': '"' };
const TYPOGRAPHIC_QUOTE = /[‘’‛′“”„″]/g;

/** A regular-expression class of every quote mark compared as the straight one given, itself included. */
export function quoteMarksLike(straight: "'" | '"'): string {
  const marks = Object.keys(STRAIGHT_QUOTES).filter((mark) => STRAIGHT_QUOTES[mark] === straight);
  return `[${straight}${marks.join('')}]`;
}

/** One character as normaliseText compares it, whitespace aside: a typographic quote mark becomes straight. */
export function straightQuote(character: string): string {
  return STRAIGHT_QUOTES[character] ?? character;
}

/**
 * Makes texts comparable whatever their typography: curly quotes become straight ones and
 * runs of whitespace a single space. Curated quotes and aliases are compared after this.
 */
export function normaliseText(text: string): string {
  return text
    .replace(TYPOGRAPHIC_QUOTE, straightQuote)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * True when the quote is verbatim (up to typography) inside one sentence of the text: a
 * whole sentence, or a part of one, never words stitched across sentences.
 */
export function isVerbatimInOneSentence(quote: string, text: string): boolean {
  const wanted = normaliseText(quote);
  return wanted.length > 0 && splitSentences(text).some((sentence) => normaliseText(sentence).includes(wanted));
}

/** Index of the sentence that contains the quote, as splitSentences numbers them; -1 if none. */
export function sentencePosition(quote: string, text: string): number {
  const wanted = normaliseText(quote);
  return splitSentences(text).findIndex((sentence) => normaliseText(sentence).includes(wanted));
}
