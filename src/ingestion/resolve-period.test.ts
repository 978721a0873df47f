import { describe, expect, it } from '@jest/globals';
import { resolvePeriod } from './resolve-period';

const dates = (words: string, publishedOn: string | null, context?: Parameters<typeof resolvePeriod>[2]) => {
  const period = resolvePeriod(words, publishedOn, context);
  return period && { start: period.start, end: period.end, label: period.label };
};

describe('resolvePeriod, by the Periods table of docs/ontology.md', () => {
  it('reads a month name as the most recent such month before publication', () => {
    expect(dates('January', '2025-03-02')).toEqual({ start: '2025-01-01', end: '2025-01-31', label: 'January' });
    expect(dates('August', '2025-04-13')).toEqual({ start: '2024-08-01', end: '2024-08-31', label: 'August' });
    expect(dates('November', '2025-04-13')).toEqual({ start: '2024-11-01', end: '2024-11-30', label: 'November' });
    expect(dates('February', '2025-04-13')).toEqual({ start: '2025-02-01', end: '2025-02-28', label: 'February' });
  });

  it('reads "in February" and "February’s" as February, labelled as the month', () => {
    expect(dates('in February', '2024-04-13')).toEqual({ start: '2024-02-01', end: '2024-02-29', label: 'in February' });
    expect(dates('February’s', '2025-04-13')).toEqual({ start: '2025-02-01', end: '2025-02-28', label: 'February' });
  });

  it('reads the month of publication as that month up to the publication date', () => {
    expect(dates('March', '2025-03-02')).toEqual({ start: '2025-03-01', end: '2025-03-02', label: 'March' });
  });

  it('reads a month and a year as that month', () => {
    expect(dates('December 2023', '2025-04-13')).toEqual({ start: '2023-12-01', end: '2023-12-31', label: 'December 2023' });
  });

  it('reads "this year" as 1 January to the publication date', () => {
    expect(dates('this year', '2025-03-02')).toEqual({ start: '2025-01-01', end: '2025-03-02', label: 'this year' });
  });

  it('reads "the previous year" as the whole calendar year before', () => {
    expect(dates('the previous year', '2025-03-02')).toEqual({ start: '2024-01-01', end: '2024-12-31', label: 'the previous year' });
  });

  it('reads "last fiscal year" as the last complete U.S. fiscal year, October to September', () => {
    expect(dates('Last fiscal year', '2025-03-02')).toEqual({ start: '2023-10-01', end: '2024-09-30', label: 'Last fiscal year' });
    // In October FY2026 has begun, so the last complete one is FY2025.
    expect(dates('last fiscal year', '2025-10-15')).toEqual({ start: '2024-10-01', end: '2025-09-30', label: 'last fiscal year' });
    expect(dates('last fiscal year', '2025-09-30')).toEqual({ start: '2023-10-01', end: '2024-09-30', label: 'last fiscal year' });
  });

  it('reads a bare year as its fiscal year beside a fiscal-year number, else as the calendar year', () => {
    expect(dates('2022', '2025-03-02', { fiscal: true })).toEqual({ start: '2021-10-01', end: '2022-09-30', label: '2022' });
    expect(dates('2022', '2025-03-02')).toEqual({ start: '2022-01-01', end: '2022-12-31', label: '2022' });
  });

  it('reads "in the same period" as the period it refers back to, and leaves it unresolved without one', () => {
    const fiscal2024 = resolvePeriod('Last fiscal year', '2025-03-02')!;
    expect(dates('in the same period', '2025-03-02', { samePeriod: fiscal2024 })).toEqual({
      start: '2023-10-01',
      end: '2024-09-30',
      label: 'in the same period',
    });
    expect(resolvePeriod('in the same period', '2025-03-02')).toBeNull();
  });

  it('reads a change "from A to B" from the start of A to the end of B, labelled "A to B"', () => {
    expect(dates('December 2023 to February', '2025-04-13')).toEqual({ start: '2023-12-01', end: '2025-02-28', label: 'December 2023 to February' });
    expect(dates('from August to February', '2025-04-13')).toEqual({ start: '2024-08-01', end: '2025-02-28', label: 'August to February' });
    // The start month is the most recent one by the end of the range, not by publication.
    expect(dates('from March to February', '2025-04-13')).toEqual({ start: '2024-03-01', end: '2025-02-28', label: 'March to February' });
  });

  it('resolves nothing without a publication date, rather than guess', () => {
    expect(resolvePeriod('January', null)).toBeNull();
    expect(resolvePeriod('last fiscal year', null)).toBeNull();
    expect(resolvePeriod('December 2023', null)).toBeNull();
  });

  it('returns null for words that name no period it knows, and for a malformed date', () => {
    expect(resolvePeriod('recently', '2025-03-02')).toBeNull();
    expect(resolvePeriod('January', '2025-02-30')).toBeNull();
  });

  it('says which rule resolved a period, with the publication date', () => {
    expect(resolvePeriod('January', '2025-03-02')!.rule).toBe('a month name is the most recent such month before publication (2025-03-02)');
  });
});
