import type { PeriodRecord } from '../entity';
import { BadUserInputError } from '../errors';
import { monthEnd } from '../ontology';
import { nextMonth, periodOf, type SeriesGranularity } from './periods';

/** A month of the data and the series' value in it: 0 where no observation matches the filter. */
export interface MonthValue {
  month: string;
  value: number;
}

export interface SeriesPointRecord {
  /** The months summed: from the first one's first day to the last one's last day. */
  period: PeriodRecord;
  value: number;
  /** Every month of the period is in the data and in the range asked for. */
  complete: boolean;
}

export interface SeriesChangeRecord {
  from: SeriesPointRecord;
  to: SeriesPointRecord;
  difference: number;
  /** The difference as a percentage of the earlier value; null when that is 0. */
  percent: number | null;
}

/**
 * Months summed into the periods of a granularity, in time order. A period of which only some
 * months are in the data says so in its label: "FY2025 (FYTD)" when they are its first months
 * (the year under way), "(partial)" otherwise (a range that cuts it, a month missing).
 */
export function groupByPeriod(months: readonly MonthValue[], granularity: SeriesGranularity): SeriesPointRecord[] {
  const groups = new Map<string, { period: ReturnType<typeof periodOf>; months: MonthValue[] }>();
  for (const month of [...months].sort((a, b) => (a.month < b.month ? -1 : 1))) {
    const period = periodOf(month.month, granularity);
    const group = groups.get(period.key) ?? { period, months: [] };
    group.months.push(month);
    groups.set(period.key, group);
  }
  return [...groups.values()].map(({ period, months: held }) => {
    const complete = held.length === period.months;
    let expected = period.firstMonth;
    const toDate = held.every((month) => {
      const inOrder = month.month === expected;
      expected = nextMonth(expected);
      return inOrder;
    });
    return {
      period: {
        start: held[0]!.month,
        end: monthEnd(held[held.length - 1]!.month),
        label: complete ? period.label : `${period.label} (${toDate ? period.toDate : 'partial'})`,
      },
      value: held.reduce((sum, month) => sum + month.value, 0),
      complete,
    };
  });
}

export function totalOf(points: readonly SeriesPointRecord[]): number {
  return points.reduce((sum, point) => sum + point.value, 0);
}

/** The lowest (or highest) point, the earliest of equals; null for no point. */
export function extremeOf(points: readonly SeriesPointRecord[], which: 'min' | 'max'): SeriesPointRecord | null {
  const better = (a: number, b: number) => (which === 'min' ? a < b : a > b);
  return points.reduce<SeriesPointRecord | null>((best, point) => (best === null || better(point.value, best.value) ? point : best), null);
}

/** The point whose period holds a date; `field` names the argument in the refusal. */
function pointAt(points: readonly SeriesPointRecord[], date: string, field: string): SeriesPointRecord {
  const point = points.find(({ period }) => period.start <= date && date <= period.end);
  if (!point) throw new BadUserInputError(`${field}: no point of the series holds ${date}`, { field });
  return point;
}

/**
 * The change from the point that holds `from` to the point that holds `to` (the first and the
 * last point when not given); null for a series without points.
 */
export function changeBetween(points: readonly SeriesPointRecord[], from: string | null, to: string | null): SeriesChangeRecord | null {
  if (points.length === 0) return null;
  const start = from === null ? points[0]! : pointAt(points, from, 'change.from');
  const end = to === null ? points[points.length - 1]! : pointAt(points, to, 'change.to');
  const difference = end.value - start.value;
  return { from: start, to: end, difference, percent: start.value === 0 ? null : (difference / start.value) * 100 };
}
