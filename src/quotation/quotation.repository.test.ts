import { describe, expect, it } from '@jest/globals';
import { wordsQuery } from './quotation.repository';

describe('wordsQuery', () => {
  it('asks for every word', () => {
    expect(wordsQuery('  piece of   grass ')).toBe('piece AND of AND grass');
  });

  it('turns Lucene syntax into plain words, so the only operator is ours', () => {
    expect(wordsQuery('dangerous OR grass*')).toBe('dangerous AND or AND grass\\*');
    expect(wordsQuery('"(')).toBe('\\"\\(');
  });

  it('is empty for words that are only blanks or control characters', () => {
    expect(wordsQuery(' \u0000 ')).toBe('');
  });
});
