import { describe, expect, it } from '@jest/globals';
import type { SearchMode } from './lucene';
import { TextMatcher } from './text-matcher';

/** The words a query marks in a text, as the front end would wrap them in <mark>. */
function marked(query: string, mode: SearchMode, text: string): string[] {
  return TextMatcher.of(query, mode)
    .match(text)
    .highlights.map(({ start, end }) => text.slice(start, end));
}

const MOUNTIES = 'North of the border, Canadian Mounties are also dealing with limited resources.';

describe('TextMatcher', () => {
  describe('in WORDS mode', () => {
    it('marks whole words, case aside', () => {
      expect(marked('mounties', 'WORDS', MOUNTIES)).toEqual(['Mounties']);
      expect(marked('MOUNTIES border', 'WORDS', MOUNTIES)).toEqual(['border', 'Mounties']);
    });

    it('marks no word that only begins with a term', () => {
      expect(marked('moun', 'WORDS', MOUNTIES)).toEqual([]);
    });

    it('cuts terms into words as the index does: "Canada-US" asks for "Canada" or "US"', () => {
      expect(marked('Canada-US', 'WORDS', 'at the vast Canada-US border, said a US agent')).toEqual(['Canada', 'US', 'US']);
    });

    it('keeps initialisms, numbers and apostrophes inside their words', () => {
      const text = 'crossed into the U.S. — the numbers aren’t 5,500 or us';
      expect(marked('u.s.', 'WORDS', text)).toEqual(['U.S']);
      expect(marked('5,500', 'WORDS', text)).toEqual(['5,500']);
      expect(marked('aren’t', 'WORDS', text)).toEqual(['aren’t']);
    });
  });

  describe('in PREFIX mode', () => {
    it('marks the words that begin with a term, the whole word', () => {
      expect(marked('moun', 'PREFIX', MOUNTIES)).toEqual(['Mounties']);
      expect(marked('Can lim', 'PREFIX', MOUNTIES)).toEqual(['Canadian', 'limited']);
    });

    it('marks a word the term spells whole', () => {
      expect(marked('border', 'PREFIX', MOUNTIES)).toEqual(['border']);
    });
  });

  describe('in FUZZY mode', () => {
    it('marks words within two edits of a term of four letters or more, a swap of neighbours counting one', () => {
      expect(marked('Mountie', 'FUZZY', MOUNTIES)).toEqual(['Mounties']);
      expect(marked('Mounites', 'FUZZY', MOUNTIES)).toEqual(['Mounties']);
      expect(marked('Kely', 'FUZZY', 'said Kelly, and Kelso, not Keller')).toEqual(['Kelly', 'Kelso']);
    });

    it('marks no word three edits away', () => {
      expect(marked('Mounxxxs', 'FUZZY', MOUNTIES)).toEqual([]);
    });

    it('marks short words two edits away too, as Lucene finds them', () => {
      expect(marked('mike', 'FUZZY', 'me and Mike and a mix')).toEqual(['me', 'Mike', 'mix']);
    });

    it('matches terms shorter than four letters whole', () => {
      expect(marked('US', 'FUZZY', 'the US and the UK, thus')).toEqual(['US']);
    });
  });

  it('treats Lucene syntax as text: terms mean what the query parser reads once the escapes are undone', () => {
    expect(marked('mount* AND "(', 'WORDS', 'Mounties and mount Rainier')).toEqual(['and', 'mount']);
    expect(marked('mount* AND "(', 'PREFIX', 'Mounties and mount Rainier')).toEqual(['and']);
  });

  it('gives offsets in UTF-16 code units, as JavaScript slices strings', () => {
    const text = '𝔸 “Mounties” 😀 Mounties';
    const { highlights } = TextMatcher.of('mounties', 'WORDS').match(text);
    expect(highlights).toEqual([
      { start: 4, end: 12 },
      { start: 17, end: 25 },
    ]);
    expect(highlights.map(({ start, end }) => text.slice(start, end))).toEqual(['Mounties', 'Mounties']);
  });

  it('counts the terms a text matches, each once however often it occurs', () => {
    const matcher = TextMatcher.of('border mounties grass', 'WORDS');
    expect(matcher.termCount).toBe(3);
    expect(matcher.match('Mounties at the border, the border').termsMatched).toBe(2);
    expect(matcher.match('nothing here').termsMatched).toBe(0);
  });

  it('matches nothing for a query without terms', () => {
    expect(TextMatcher.of('  \u0000 ', 'PREFIX').match(MOUNTIES)).toEqual({ highlights: [], termsMatched: 0 });
  });
});
