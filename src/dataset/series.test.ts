import { describe, expect, it } from '@jest/globals';
import { BadUserInputError } from '../errors';
import { SeriesGranularity } from './periods';
import { changeBetween, extremeOf, groupByPeriod, totalOf, type MonthValue } from './series';

/** Months from October 2023 to August 2025 (FY2024 whole, FY2025 to date), valued 1, 2, 3, ... */
const months: MonthValue[] = Array.from({ length: 23 }, (_, index) => {
  const date = new Date(Date.UTC(2023, 9 + index, 1));
  return { month: date.toISOString().slice(0, 10), value: index + 1 };
});

describe('groupByPeriod', () => {
  it('sums fiscal years, October to September, and labels the year under way FYTD', () => {
    const points = groupByPeriod(months, SeriesGranularity.FISCAL_YEAR);
    expect(points).toEqual([
      { period: { start: '2023-10-01', end: '2024-09-30', label: 'FY2024' }, value: 78, complete: true },
      { period: { start: '2024-10-01', end: '2025-08-31', label: 'FY2025 (FYTD)' }, value: 198, complete: false },
    ]);
  });

  it('labels a period cut at its start, or missing a month, partial', () => {
    const points = groupByPeriod(months.slice(1, 5), SeriesGranularity.QUARTER);
    expect(points.map((point) => point.period.label)).toEqual(['Q4 2023 (partial)', 'Q1 2024 (QTD)']);
    const gap = groupByPeriod([months[3]!, months[5]!], SeriesGranularity.QUARTER);
    expect(gap[0]!.period).toEqual({ start: '2024-01-01', end: '2024-03-31', label: 'Q1 2024 (partial)' });
  });

  it('keeps months as they are, in time order, whatever order they come in', () => {
    const points = groupByPeriod([months[2]!, months[0]!], SeriesGranularity.MONTH);
    expect(points).toEqual([
      { period: { start: '2023-10-01', end: '2023-10-31', label: 'October 2023' }, value: 1, complete: true },
      { period: { start: '2023-12-01', end: '2023-12-31', label: 'December 2023' }, value: 3, complete: true },
    ]);
  });

  it('sums calendar years', () => {
    expect(groupByPeriod(months, SeriesGranularity.CALENDAR_YEAR).map((point) => [point.period.label, point.value])).toEqual([
      ['2023 (partial)', 6],
      ['2024', 114],
      ['2025 (YTD)', 156],
    ]);
  });
});

describe('the figures of a series', () => {
  const points = groupByPeriod(months.slice(0, 4), SeriesGranularity.MONTH);

  it('total, lowest and highest', () => {
    expect(totalOf(points)).toBe(10);
    expect(extremeOf(points, 'min')!.value).toBe(1);
    expect(extremeOf(points, 'max')!.period.label).toBe('January 2024');
    expect(extremeOf([], 'max')).toBeNull();
  });

  it('change from the first to the last point, or between the points that hold two dates', () => {
    expect(changeBetween(points, null, null)).toMatchObject({ difference: 3, percent: 300 });
    const change = changeBetween(points, '2023-11-15', '2023-12-01')!;
    expect([change.from.value, change.to.value, change.difference, change.percent]).toEqual([2, 3, 1, 50]);
    expect(changeBetween([], null, null)).toBeNull();
  });

  it('refuses a date that no point holds, naming the argument', () => {
    expect(() => changeBetween(points, '2020-01-01', null)).toThrow(BadUserInputError);
    try {
      changeBetween(points, null, '2030-01-01');
    } catch (error) {
      expect((error as BadUserInputError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'change.to' });
    }
  });
});
