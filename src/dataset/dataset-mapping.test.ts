import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fromProjectRoot } from '../config/project-root';
import { namedColumns, parseMapping, readMappingFile, rowReader, type DatasetMapping } from './dataset-mapping';
import { DatasetImportError } from './import-error';

const CBP_MAPPING = fromProjectRoot('data', 'datasets', 'cbp-sw-encounters.mapping.json');
const CBP_HEADER = 'Fiscal Year,Month Grouping,Month (abbv),Component,Demographic,Citizenship Grouping,Title of Authority,Encounter Type,Encounter Count'.split(',');
const raw = () => JSON.parse(readFileSync(CBP_MAPPING, 'utf8')) as Record<string, any>;

/** The error `work` throws, as a DatasetImportError. */
function refusal(work: () => unknown): DatasetImportError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetImportError);
    return error as DatasetImportError;
  }
  throw new Error('expected a refusal');
}

describe('the CBP mapping (data/datasets/cbp-sw-encounters.mapping.json)', () => {
  const mapping = readMappingFile(CBP_MAPPING);

  it('reads fiscal year and month, five dimensions, one measure and the count', () => {
    expect(mapping.dataset.id).toBe('dataset:cbp-southwest-land-border-encounters');
    expect(mapping.period).toEqual({ fiscalYear: 'Fiscal Year', month: 'Month (abbv)' });
    expect(mapping.dimensions).toEqual(['Component', 'Demographic', 'Citizenship Grouping', 'Title of Authority', 'Encounter Type']);
    expect(mapping.measure).toEqual({ name: 'encounters' });
    expect(namedColumns(mapping)).toEqual(CBP_HEADER.filter((column) => column !== 'Month Grouping'));
  });

  it('reads a row of fiscal year 2024, month DEC, as December 2023', () => {
    const read = rowReader(mapping, CBP_HEADER);
    const row = read('2024,FYTD,DEC,U.S. Border Patrol,Single Adults,Mexico,Title 8,Apprehensions,1234'.split(','), 7);
    expect(row).toEqual({ measure: 'encounters', month: '2023-12-01', dimensionValues: ['U.S. Border Patrol', 'Single Adults', 'Mexico', 'Title 8', 'Apprehensions'], value: 1234 });
  });

  it('reads the year under way, "2025 (FYTD)", as fiscal year 2025', () => {
    const read = rowReader(mapping, CBP_HEADER);
    expect(read('2025 (FYTD),FYTD,FEB,U.S. Border Patrol,UAC,Other,Title 8,Apprehensions,504'.split(','), 2).month).toBe('2025-02-01');
    expect(read('2025 (FYTD),FYTD,OCT,U.S. Border Patrol,UAC,Other,Title 8,Apprehensions,504'.split(','), 2).month).toBe('2024-10-01');
  });
});

describe('rowReader refusals, with the line and the column', () => {
  const mapping = readMappingFile(CBP_MAPPING);
  const read = rowReader(mapping, CBP_HEADER);
  const row = (changes: Record<number, string>) => CBP_HEADER.map((_, index) => changes[index] ?? ['2024', 'FYTD', 'DEC', 'a', 'b', 'c', 'd', 'e', '1'][index]!);

  it('refuses a value that is not a number', () => {
    for (const value of ['12a', '', '1.234,5', 'NaN', '1e3']) {
      const error = refusal(() => read(row({ 8: value }), 12));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_NUMBER', line: 12, column: 'Encounter Count' });
      expect(error.message).toMatch(/^line 12: /);
    }
  });

  it('reads thousands separators and signs', () => {
    expect(read(row({ 8: '1,234,567' }), 2).value).toBe(1234567);
    expect(read(row({ 8: '-5.5' }), 2).value).toBe(-5.5);
  });

  it('refuses a period that does not parse', () => {
    expect(refusal(() => read(row({ 0: 'FY24' }), 3)).extensions).toMatchObject({ reason: 'BAD_PERIOD', line: 3, column: 'Fiscal Year' });
    expect(refusal(() => read(row({ 2: 'Smarch' }), 4)).extensions).toMatchObject({ reason: 'BAD_PERIOD', line: 4, column: 'Month (abbv)' });
  });

  it('refuses a header without a column the mapping names, at line 1', () => {
    const error = refusal(() => rowReader(mapping, CBP_HEADER.filter((column) => column !== 'Demographic')));
    expect(error.extensions).toMatchObject({ reason: 'MISSING_COLUMN', line: 1, column: 'Demographic', field: 'mapping.dimensions[1]' });
    expect(error.message).toContain('"Demographic"');
  });

  it('refuses a header that names a mapped column twice', () => {
    expect(refusal(() => rowReader(mapping, [...CBP_HEADER, 'Component'])).extensions).toMatchObject({ reason: 'MISSING_COLUMN', line: 1, column: 'Component' });
  });
});

describe('other period columns', () => {
  const base = { ...raw(), dimensions: [], measure: { column: 'Measure' }, value: 'Value' };

  it('reads a calendar year and month, or an ISO date, and a measure per row', () => {
    const calendar = parseMapping({ ...base, period: { year: 'Year', month: 'Month' } });
    expect(rowReader(calendar, ['Year', 'Month', 'Measure', 'Value'])(['2024', 'Feb', 'apprehensions', '7'], 2)).toEqual({
      measure: 'apprehensions',
      month: '2024-02-01',
      dimensionValues: [],
      value: 7,
    });
    const dated = parseMapping({ ...base, period: { date: 'Date' } });
    expect(rowReader(dated, ['Date', 'Measure', 'Value'])(['2024-02-17', 'gotaways', '3'], 2).month).toBe('2024-02-01');
    expect(refusal(() => rowReader(dated, ['Date', 'Measure', 'Value'])(['2024-02-17', ' ', '3'], 9)).extensions).toMatchObject({ reason: 'MISSING_VALUE', line: 9 });
  });
});

describe('parseMapping refusals name the field', () => {
  const cases: [string, (mapping: Record<string, any>) => void, string][] = [
    ['a misspelt key', (m) => ((m.dimension = m.dimensions), delete m.dimensions), 'mapping.file'],
    ['an id of another shape', (m) => (m.dataset.id = 'CBP data'), 'mapping.dataset.id'],
    ['a publisher that is no organization', (m) => (m.dataset.publisherId = 'person:someone'), 'mapping.dataset.publisherId'],
    ['a release date that is no date', (m) => (m.release.publishedOn = '2025-02-30'), 'mapping.release.publishedOn'],
    ['a release without a label', (m) => (m.release.label = ' '), 'mapping.release.label'],
    ['a period of no known shape', (m) => (m.period = { week: 'Week' }), 'mapping.period'],
    ['a measure both constant and a column', (m) => (m.measure = { name: 'x', column: 'y' }), 'mapping.measure'],
    ['a column in two roles', (m) => (m.value = 'Component'), 'mapping.file'],
    ['dimensions that are not a list', (m) => (m.dimensions = 'Component'), 'mapping.dimensions'],
  ];

  it.each(cases)('refuses %s', (_case, change, field) => {
    const json = raw();
    change(json);
    expect(refusal(() => parseMapping(json)).extensions).toMatchObject({ reason: 'BAD_MAPPING', field });
  });

  it('refuses a file that is not JSON', () => {
    expect(refusal(() => readMappingFile(fromProjectRoot('data', 'datasets', 'cbp', 'README.md'))).extensions).toMatchObject({ reason: 'BAD_MAPPING' });
  });

  it('leaves optional metadata null', () => {
    const json = raw();
    delete json.dataset.url;
    delete json.unit;
    const mapping: DatasetMapping = parseMapping(json);
    expect([mapping.dataset.url, mapping.unit]).toEqual([null, null]);
  });
});
