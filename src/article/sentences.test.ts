import { describe, expect, it } from '@jest/globals';
import { isVerbatimInOneSentence, sentencePosition } from './sentences';

const text = 'Kelly spoke. “The numbers aren’t as big,” he said. U.S. Border Patrol agreed.';

describe('isVerbatimInOneSentence', () => {
  it('accepts a whole sentence or a part of one, whatever the quote marks', () => {
    expect(isVerbatimInOneSentence('"The numbers aren\'t as big," he said.', text)).toBe(true);
    expect(isVerbatimInOneSentence('U.S. Border Patrol agreed', text)).toBe(true);
  });

  it('rejects words the text does not hold, or that straddle two sentences', () => {
    expect(isVerbatimInOneSentence('Kelly shouted.', text)).toBe(false);
    expect(isVerbatimInOneSentence('spoke. “The numbers', text)).toBe(false);
    expect(isVerbatimInOneSentence('   ', text)).toBe(false);
  });
});

describe('sentencePosition', () => {
  it('numbers sentences from 0', () => {
    expect(sentencePosition('U.S. Border Patrol agreed.', text)).toBe(2);
    expect(sentencePosition('absent', text)).toBe(-1);
  });
});
