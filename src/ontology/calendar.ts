/**
 * The calendar of periods (docs/ontology.md, Periods): month names, ISO dates and the U.S.
 * federal fiscal year. Article periods (ingestion) and official datasets read dates by the same
 * rules, so they live here, once.
 */

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "YYYY-MM-DD"; month 1..12. */
export const isoDate = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** The last day of a month (1..12): 28 to 31. */
export const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The last day of the month a date "YYYY-MM-DD" falls in. */
export function monthEnd(date: string): string {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return isoDate(year, month, lastDayOf(year, month));
}

/** The month a date "YYYY-MM-DD" falls in, in words: "December 2023". */
export function monthLabel(date: string): string {
  return `${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** The U.S. federal fiscal year a month (1..12) belongs to: FYn runs 1 October n-1 to 30 September n. */
export const fiscalYearOf = (year: number, month: number) => (month >= 10 ? year + 1 : year);

/** The calendar year of a month (1..12) of fiscal year FYn: October to December are in n-1. */
export const calendarYearOf = (fiscalYear: number, month: number) => (month >= 10 ? fiscalYear - 1 : fiscalYear);

/** The first and last day of fiscal year FYn. */
export function fiscalYearSpan(fiscalYear: number): { start: string; end: string } {
  return { start: isoDate(fiscalYear - 1, 10, 1), end: isoDate(fiscalYear, 9, 30) };
}

/** A real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOf(year, month);
}
