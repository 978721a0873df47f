import { describe, expect, it } from '@jest/globals';
import { QUOTE_MINIMUM, quoteTooShort } from './evidence';

describe('quoteTooShort: a quote is at least a clause', () => {
  it.each([
    ['a', 1, 1],
    ['RCMP', 1, 4],
    ['the border', 2, 10],
    ['a b c d', 4, 7],
    ['Supercalifragilistic', 1, 20],
    ['   the    border   ', 2, 13],
  ])('refuses %p (%p words, %p characters)', (quote, words, characters) => {
    expect(quoteTooShort(quote)).toBe(
      `a quote must be at least a clause: ${QUOTE_MINIMUM.words} words and ${QUOTE_MINIMUM.characters} characters (it has ${words} and ${characters}); quote more of its sentence`,
    );
  });

  it.each([
    'Canada has since stepped up enforcement',
    'co-chair of the Northern Border Security Caucus',
    'the 5,500-mile U.S.-Canada border',
    // Scripts written without spaces are cut into words too: 加拿大 | 加强 | 了 | 边境 | 执法 …
    '加拿大加强了边境执法，增加了巡逻和无人机。',
  ])('accepts %p', (quote) => {
    expect(quoteTooShort(quote)).toBeNull();
  });

  it('counts characters as code points, not UTF-16 units', () => {
    // Three words of two letters outside the BMP: eight code points, but fourteen UTF-16 units.
    expect(quoteTooShort('𝐚𝐛 𝐜𝐝 𝐞𝐟')).toContain('(it has 3 and 8)');
  });
});
