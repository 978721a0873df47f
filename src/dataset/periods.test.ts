import { describe, expect, it } from '@jest/globals';
import { monthEnd, monthLabel } from '../ontology';
import { fiscalMonth, monthStart, parseFiscalYear, parseIsoMonth, parseMonth, parseYear, periodOf, SeriesGranularity } from './periods';

describe('parseFiscalYear', () => {
  it('reads the years CBP writes, the year under way labelled "(FYTD)" included', () => {
    expect(parseFiscalYear('2024')).toBe(2024);
    expect(parseFiscalYear('2025 (FYTD)')).toBe(2025);
    expect(parseFiscalYear('FY2023')).toBe(2023);
    expect(parseFiscalYear('fy 2023')).toBe(2023);
  });

  it('refuses what is no four-digit year', () => {
    for (const text of ['FY24', '24', '2024-25', '', 'FYTD', '2025 (YTD)']) expect(parseFiscalYear(text)).toBeNull();
  });
});

describe('parseMonth', () => {
  it('reads abbreviations, names and numbers, in any case', () => {
    expect(parseMonth('DEC')).toBe(12);
    expect(parseMonth('Sept.')).toBe(9);
    expect(parseMonth('february')).toBe(2);
    expect(parseMonth('01')).toBe(1);
    expect(parseMonth('12')).toBe(12);
  });

  it('refuses what names no month', () => {
    for (const text of ['13', '0', 'Ju', 'Smarch', '', 'FYTD']) expect(parseMonth(text)).toBeNull();
  });
});

describe('fiscalMonth: U.S. fiscal years start in October', () => {
  it('puts October to December of FY2024 in 2023, and January to September in 2024', () => {
    expect(monthStart(fiscalMonth(2024, 12))).toBe('2023-12-01');
    expect(monthStart(fiscalMonth(2024, 10))).toBe('2023-10-01');
    expect(monthStart(fiscalMonth(2024, 9))).toBe('2024-09-01');
    expect(monthStart(fiscalMonth(2025, 2))).toBe('2025-02-01');
  });
});

describe('parseYear and parseIsoMonth', () => {
  it('read calendar years and ISO months or dates', () => {
    expect(parseYear(' 2023 ')).toBe(2023);
    expect(parseYear('23')).toBeNull();
    expect(parseIsoMonth('2024-02')).toEqual({ year: 2024, month: 2 });
    expect(parseIsoMonth('2024-02-29')).toEqual({ year: 2024, month: 2 });
    expect(parseIsoMonth('2023-02-29')).toBeNull();
    expect(parseIsoMonth('2024-13')).toBeNull();
    expect(parseIsoMonth('02/2024')).toBeNull();
  });
});

describe('months', () => {
  it('end on their last day and read as "December 2023"', () => {
    expect(monthEnd('2024-02-01')).toBe('2024-02-29');
    expect(monthEnd('2023-12-01')).toBe('2023-12-31');
    expect(monthLabel('2023-12-01')).toBe('December 2023');
  });
});

describe('periodOf', () => {
  it('gives the fiscal year of a month, October to September, labelled FY<n>', () => {
    expect(periodOf('2023-10-01', SeriesGranularity.FISCAL_YEAR)).toMatchObject({ key: 'FY2024', firstMonth: '2023-10-01', months: 12, label: 'FY2024', toDate: 'FYTD' });
    expect(periodOf('2024-09-01', SeriesGranularity.FISCAL_YEAR)).toMatchObject({ key: 'FY2024' });
  });

  it('gives calendar quarters, calendar years and months', () => {
    expect(periodOf('2023-12-01', SeriesGranularity.QUARTER)).toMatchObject({ key: '2023-Q4', firstMonth: '2023-10-01', months: 3, label: 'Q4 2023' });
    expect(periodOf('2023-12-01', SeriesGranularity.CALENDAR_YEAR)).toMatchObject({ key: '2023', firstMonth: '2023-01-01', label: '2023' });
    expect(periodOf('2023-12-01', SeriesGranularity.MONTH)).toMatchObject({ key: '2023-12-01', months: 1, label: 'December 2023' });
  });
});
