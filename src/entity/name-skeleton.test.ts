import { describe, expect, it } from '@jest/globals';
import { skeleton } from './name-skeleton';

describe('skeleton (UTS #39)', () => {
  it('gives a name and its look-alike in another script one skeleton', () => {
    // "Pоlice" with U+043E CYRILLIC SMALL LETTER O.
    expect(skeleton('P\u043elice')).toBe(skeleton('Police'));
    // "Саnada" with U+0421 and U+0430, Cyrillic.
    expect(skeleton('\u0421\u0430nada')).toBe(skeleton('Canada'));
  });

  it('maps digits and letter sequences that read alike', () => {
    expect(skeleton('R0ute 1')).toBe(skeleton('ROute l'));
    expect(skeleton('Kim')).toBe(skeleton('Kirn'));
  });

  it('reads composed and decomposed accents alike (NFD before and after the mapping)', () => {
    expect(skeleton('Montr\u00e9al')).toBe(skeleton('Montre\u0301al'));
  });

  it('keeps apart names a reader can tell apart', () => {
    expect(skeleton('Montréal')).not.toBe(skeleton('Montreal'));
    expect(skeleton('U.S. Border Patrol')).not.toBe(skeleton('US Border Patrol'));
    expect(skeleton('Москва')).not.toBe(skeleton('北京'));
  });
});
