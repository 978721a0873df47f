import { normaliseText, straightQuote } from './sentences';

/**
 * Anchors: where words sit in an article's stored text, as the W3C Web Annotation model
 * selects them: a TextPositionSelector (start, end: offsets in UTF-16 code units, as JavaScript
 * strings count, so text.slice(start, end) is the exact words) and a TextQuoteSelector (exact,
 * prefix, suffix), which survives small edits of the text.
 */
export interface TextAnchorRecord {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** Characters of context on each side, as Hypothesis and other annotators keep. */
const CONTEXT_LENGTH = 32;

export function anchorAt(text: string, start: number, end: number): TextAnchorRecord {
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

/**
 * The text as normaliseText compares it (straight quotes, single spaces), with the offset in
 * the original text of every character kept, so that a match found in the comparable text
 * maps back to exact offsets.
 */
function comparable(text: string): { text: string; offsets: number[] } {
  let compared = '';
  const offsets: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (/\s/.test(character)) {
      if (compared.length === 0 || compared.endsWith(' ')) continue;
      compared += ' ';
    } else {
      compared += straightQuote(character);
    }
    offsets.push(index);
  }
  return { text: compared, offsets };
}

/** Every place the quote stands in the text, verbatim up to typography (quote marks, runs of whitespace). */
export function findQuote(text: string, quote: string): TextAnchorRecord[] {
  const wanted = normaliseText(quote);
  if (wanted === '') return [];
  const { text: compared, offsets } = comparable(text);
  const anchors: TextAnchorRecord[] = [];
  for (let at = compared.indexOf(wanted); at >= 0; at = compared.indexOf(wanted, at + 1)) {
    anchors.push(anchorAt(text, offsets[at]!, offsets[at + wanted.length - 1]! + 1));
  }
  return anchors;
}
