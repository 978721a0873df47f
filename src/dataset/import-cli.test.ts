import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../ingestion';
import { parseImportArgs, progressLine } from './import-cli';

describe('parseImportArgs', () => {
  it('takes a mapping, a CSV file, and what replaces the release of the mapping', () => {
    expect(parseImportArgs(['m.json', 'f.csv'])).toEqual({ mapping: 'm.json', csv: 'f.csv', release: {} });
    expect(parseImportArgs(['m.json', 'f.csv', '--release-label', ' September 2025 ', '--published', '2025-10-20'])).toEqual({
      mapping: 'm.json',
      csv: 'f.csv',
      release: { label: 'September 2025', publishedOn: '2025-10-20' },
    });
    expect(parseImportArgs(['--help'])).toBe('help');
  });

  it.each([
    ['one file', ['m.json']],
    ['three files', ['m.json', 'a.csv', 'b.csv']],
    ['a date that is no date', ['m.json', 'f.csv', '--published', '2025-02-30']],
    ['a blank label', ['m.json', 'f.csv', '--release-label', ' ']],
    ['an unknown option', ['m.json', 'f.csv', '--dry-run']],
  ])('refuses %s as a usage error', (_case, argv) => {
    expect(() => parseImportArgs(argv)).toThrow(UsageError);
  });
});

describe('progressLine', () => {
  it('tells the share of bytes while checking and of rows while writing', () => {
    expect(progressLine({ phase: 'checking', rows: 200_000, totalRows: null, bytes: 25, totalBytes: 100 })).toBe('checking 200,000 rows (25 %)');
    expect(progressLine({ phase: 'writing', rows: 500_000, totalRows: 1_000_000, bytes: 50, totalBytes: 100 })).toBe('writing 500,000 of 1,000,000 rows (50 %)');
  });
});
