import { describe, expect, it } from '@jest/globals';
import { escapeLucene } from './lucene';

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
