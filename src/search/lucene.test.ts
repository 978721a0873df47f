import { describe, expect, it } from '@jest/globals';
import { escapeLucene, luceneQuery, queryTerms } from './lucene';

describe('escapeLucene', () => {
  it('escapes every Lucene special character', () => {
    expect(escapeLucene('"(Kelly AND [')).toBe('\\"\\(Kelly and \\[');
    expect(escapeLucene('a+b-c&&d||e!f{g}h^i~j*k?l:m\\n/o')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\{g\\}h\\^i\\~j\\*k\\?l\\:m\\\\n\\/o',
    );
  });

  it('turns operators into words and control characters into spaces', () => {
    expect(escapeLucene('NOT Mounties OR RCMP\u0000')).toBe('not Mounties or RCMP');
  });

  it('leaves plain words alone', () => {
    expect(escapeLucene('Mounties')).toBe('Mounties');
  });
});

describe('luceneQuery', () => {
  it('keeps WORDS as escaped terms, as search always did', () => {
    expect(luceneQuery('Mounties border', 'WORDS')).toBe('Mounties border');
  });

  it('makes every term a lower-cased prefix in PREFIX mode', () => {
    expect(luceneQuery('Moun  Can', 'PREFIX')).toBe('moun* can*');
  });

  it('lets words of four letters or more be two edits off in FUZZY mode, and shorter ones not at all', () => {
    expect(luceneQuery('Kely US', 'FUZZY')).toBe('kely~ US');
  });

  it('keeps Lucene syntax in the text escaped in every mode', () => {
    expect(luceneQuery('a*b) OR', 'PREFIX')).toBe('a\\*b\\)* or*');
    expect(luceneQuery('name:x~', 'FUZZY')).toBe('name\\:x\\~~');
    expect(luceneQuery('  ', 'FUZZY')).toBe('');
  });
});

describe('queryTerms', () => {
  it('gives each term as luceneQuery writes it and as the query parser reads it back, with how it matches', () => {
    expect(queryTerms('Kely US a*b', 'FUZZY')).toEqual([
      { lucene: 'kely~', text: 'Kely', match: 'FUZZY' },
      { lucene: 'US', text: 'US', match: 'WORD' },
      { lucene: 'a\\*b', text: 'a*b', match: 'WORD' },
    ]);
    expect(queryTerms('Moun OR', 'PREFIX')).toEqual([
      { lucene: 'moun*', text: 'Moun', match: 'PREFIX' },
      { lucene: 'or*', text: 'or', match: 'PREFIX' },
    ]);
  });
});
