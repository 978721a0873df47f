import { calendarYearOf, fiscalYearOf, isoDate, lastDayOf, MONTH_NAMES, monthLabel } from '../ontology';

/**
 * Periods of official data. Observations are monthly: a month is carried as its first day,
 * "YYYY-MM-01" (ISO dates compare as strings), and every coarser period is a set of months.
 */

/** How a series groups its months. */
export enum SeriesGranularity {
  MONTH = 'MONTH',
  /** Calendar quarters: Q1 is January to March. */
  QUARTER = 'QUARTER',
  /** U.S. federal fiscal years, October to September. */
  FISCAL_YEAR = 'FISCAL_YEAR',
  CALENDAR_YEAR = 'CALENDAR_YEAR',
}

export interface Month {
  year: number;
  /** 1..12 */
  month: number;
}

/** The first day of a month: how observations store their period. */
export const monthStart = ({ year, month }: Month) => isoDate(year, month, 1);

/** The month of a date "YYYY-MM-DD" (or of a month start). */
export function monthOf(date: string): Month {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

/** Months from the one of `start` to the one of `end`, both counted. */
export function monthsBetween(start: string, end: string): number {
  const [first, last] = [monthOf(start), monthOf(end)];
  return (last.year - first.year) * 12 + last.month - first.month + 1;
}

/** The month after a month start. */
export function nextMonth(start: string): string {
  const { year, month } = monthOf(start);
  return month === 12 ? monthStart({ year: year + 1, month: 1 }) : monthStart({ year, month: month + 1 });
}

/**
 * A month as data files write it: an abbreviation ("DEC", "Sept"), a name ("December"), with a
 * trailing dot or not, or a number 1 to 12 ("12", "01"). Null for anything else.
 */
export function parseMonth(text: string): number | null {
  const word = text.trim().replace(/\.$/, '').toLowerCase();
  if (/^\d{1,2}$/.test(word)) {
    const number = Number(word);
    return number >= 1 && number <= 12 ? number : null;
  }
  if (word.length < 3) return null;
  const found = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(word));
  return found < 0 ? null : found + 1;
}

/** A four-digit year, as a calendar year column writes it. */
export function parseYear(text: string): number | null {
  const match = /^\s*(\d{4})\s*$/.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * A U.S. fiscal year as agencies write it: "2024", "FY2024", "FY 2024", and "2025 (FYTD)", CBP's
 * label of the year under way. Two digits ("FY24") are refused: the century would be a guess.
 */
export function parseFiscalYear(text: string): number | null {
  const match = /^\s*(?:FY\s*)?(\d{4})(?:\s*\(\s*FYTD\s*\))?\s*$/i.exec(text);
  return match ? Number(match[1]) : null;
}

/** The month of fiscal year FYn named by its month of the year: DEC of FY2024 is December 2023. */
export function fiscalMonth(fiscalYear: number, month: number): Month {
  return { year: calendarYearOf(fiscalYear, month), month };
}

/** "2024-02" or "2024-02-17": the month of an ISO date. */
export function parseIsoMonth(text: string): Month | null {
  const match = /^\s*(\d{4})-(\d{2})(?:-(\d{2}))?\s*$/.exec(text);
  if (!match) return null;
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (month < 1 || month > 12) return null;
  if (match[3] !== undefined && (Number(match[3]) < 1 || Number(match[3]) > lastDayOf(year, month))) return null;
  return { year, month };
}

/** The period of a granularity that a month belongs to, whole: its key, first month, month count and name. */
export interface PeriodOfMonth {
  key: string;
  /** The first month of the period. */
  firstMonth: string;
  months: number;
  /** "December 2023", "Q4 2023", "FY2024", "2023". */
  label: string;
  /** What the label gets when only the first months of the period are in the data. */
  toDate: string;
}

export function periodOf(monthStartDate: string, granularity: SeriesGranularity): PeriodOfMonth {
  const { year, month } = monthOf(monthStartDate);
  switch (granularity) {
    case SeriesGranularity.MONTH:
      return { key: monthStartDate, firstMonth: monthStartDate, months: 1, label: monthLabel(monthStartDate), toDate: '' };
    case SeriesGranularity.QUARTER: {
      const quarter = Math.ceil(month / 3);
      return { key: `${year}-Q${quarter}`, firstMonth: monthStart({ year, month: quarter * 3 - 2 }), months: 3, label: `Q${quarter} ${year}`, toDate: 'QTD' };
    }
    case SeriesGranularity.FISCAL_YEAR: {
      const fiscalYear = fiscalYearOf(year, month);
      return { key: `FY${fiscalYear}`, firstMonth: monthStart({ year: fiscalYear - 1, month: 10 }), months: 12, label: `FY${fiscalYear}`, toDate: 'FYTD' };
    }
    case SeriesGranularity.CALENDAR_YEAR:
      return { key: String(year), firstMonth: monthStart({ year, month: 1 }), months: 12, label: String(year), toDate: 'YTD' };
  }
}
