import { describe, expect, it } from '@jest/globals';
import { anchorAt, findQuote } from './anchors';

const text = 'Kelly spoke.  “The numbers aren’t as big,” he said.\nThe numbers grew.';

describe('findQuote', () => {
  it('finds the words whatever their typography, with offsets that slice the stored text', () => {
    const [anchor, ...others] = findQuote(text, '"The numbers aren\'t as big," he said.');
    expect(others).toEqual([]);
    expect(text.slice(anchor!.start, anchor!.end)).toBe('“The numbers aren’t as big,” he said.');
    expect(anchor).toMatchObject({ exact: '“The numbers aren’t as big,” he said.', prefix: 'Kelly spoke.  ', suffix: '\nThe numbers grew.' });
  });

  it('finds every occurrence, so that an ambiguous quote can be told apart', () => {
    expect(findQuote(text, 'The numbers').map((anchor) => anchor.start)).toEqual([15, 52]);
  });

  it('matches across a line break as across a space', () => {
    const [anchor] = findQuote(text, 'he said. The numbers');
    expect(text.slice(anchor!.start, anchor!.end)).toBe('he said.\nThe numbers');
  });

  it('finds nothing for words the text does not hold, or for blank words', () => {
    expect(findQuote(text, 'Kelly shouted')).toEqual([]);
    expect(findQuote(text, '   ')).toEqual([]);
  });
});

describe('anchorAt', () => {
  it('keeps at most 32 characters of context on each side', () => {
    const long = `${'a'.repeat(40)}WORD${'b'.repeat(40)}`;
    expect(anchorAt(long, 40, 44)).toEqual({ start: 40, end: 44, exact: 'WORD', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) });
  });
});
