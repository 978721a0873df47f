import { fiscalYearOf, fiscalYearSpan, isoDate as iso, lastDayOf, MONTH_NAMES } from '../ontology';
import type { CandidatePeriod } from './extraction.types';

/**
 * The period words of an article resolved against its publication date, by the rules of
 * docs/ontology.md (Periods). Without a publication date nothing is resolved: a guess would look
 * like a fact to a reviewer.
 */

export interface PeriodContext {
  /** The sentence speaks of fiscal years, so a bare year is a fiscal year ("just 2,200 in 2022" beside "last fiscal year"). */
  fiscal?: boolean;
  /** The period that "in the same period" refers back to; without it that phrase stays unresolved. */
  samePeriod?: CandidatePeriod | null;
}

interface Day {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

function parseDay(date: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > lastDayOf(year, month)) return null;
  return { year, month, day };
}

function monthIndex(word: string): number | null {
  const found = MONTH_NAMES.findIndex((name) => name.toLowerCase() === word.toLowerCase());
  return found < 0 ? null : found + 1;
}

function fiscalYear(n: number, label: string, rule: string): CandidatePeriod {
  return { ...fiscalYearSpan(n), label, rule };
}

/**
 * A month name alone is the most recent such month that had begun by `reference`. The month of
 * publication itself therefore resolves to that month, up to the publication date (our call: the
 * table says "before publication"; a month under way is the nearest reading, cut where the article
 * could know it).
 */
function recentMonth(month: number, reference: Day, label: string, rule: string): CandidatePeriod {
  const year = month <= reference.month ? reference.year : reference.year - 1;
  const current = year === reference.year && month === reference.month;
  const end = current ? iso(reference.year, reference.month, reference.day) : iso(year, month, lastDayOf(year, month));
  return { start: iso(year, month, 1), end, label, rule };
}

/** The words as a label: as written, without surrounding punctuation or a possessive. */
function labelOf(words: string): string {
  return words
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/['’]s$/, '')
    .replace(/^[\s,;:(“"]+|[\s,;:.)”"]+$/g, '');
}

/**
 * Resolves period words ("January", "December 2023", "this year", "the previous year", "last
 * fiscal year", "2022", "in the same period", "from August to February") against the publication
 * date (ISO). Returns null when the words are no period this knows, when the publication date is
 * null, and for "in the same period" without the period it refers to.
 */
export function resolvePeriod(words: string, publishedOn: string | null, context: PeriodContext = {}): CandidatePeriod | null {
  if (publishedOn === null) return null;
  const published = parseDay(publishedOn);
  if (!published) return null;
  return resolveAt(labelOf(words), published, publishedOn, context);
}

function resolveAt(label: string, published: Day, publishedOn: string, context: PeriodContext): CandidatePeriod | null {
  // Matching ignores case and a leading preposition; the label keeps the words as written.
  const words = label.toLowerCase().replace(/^(?:in|during|over|for)\s+/, '');

  const range = /^(?:from\s+)?(.+?)\s+(?:to|through|until)\s+(.+)$/.exec(words);
  if (range) {
    const written = label.replace(/^(?:from\s+)/i, '');
    const [first, second] = splitRange(written);
    const later = resolveAt(second, published, publishedOn, context);
    if (!later) return null;
    // A bare month at the start of a range is the most recent such month by the end of the range.
    const startMonth = monthIndex(first);
    const earlier =
      startMonth !== null
        ? recentMonth(startMonth, parseDay(later.end)!, first, '')
        : resolveAt(first, published, publishedOn, context);
    if (!earlier || earlier.start > later.end) return null;
    return {
      start: earlier.start,
      end: later.end,
      label: `${first} to ${second}`,
      rule: `a change "from A to B" runs from the start of A to the end of B, resolved against publication (${publishedOn})`,
    };
  }

  if (/^the same (?:period|time(?: period)?|months?)$/.test(words)) {
    const same = context.samePeriod;
    if (!same) return null;
    return { start: same.start, end: same.end, label, rule: `"${label}" is the period of the number it refers back to (${same.label})` };
  }

  const currentFiscal = fiscalYearOf(published.year, published.month);
  if (/^(?:the\s+)?(?:last|previous|prior)\s+fiscal\s+year$/.test(words)) {
    return fiscalYear(
      currentFiscal - 1,
      label,
      `"last fiscal year" is the last complete U.S. fiscal year (1 October to 30 September) before publication (${publishedOn}): FY${currentFiscal - 1}`,
    );
  }
  if (/^(?:this|the\s+current)\s+fiscal\s+year$/.test(words)) {
    return {
      start: iso(currentFiscal - 1, 10, 1),
      end: publishedOn,
      label,
      rule: `"this fiscal year" runs from 1 October of FY${currentFiscal} to publication (${publishedOn})`,
    };
  }
  const namedFiscal = /^(?:fiscal(?:\s+year)?|fy)\s*(\d{4})$/.exec(words);
  if (namedFiscal) return fiscalYear(Number(namedFiscal[1]), label, `fiscal year ${namedFiscal[1]} is FY${namedFiscal[1]}`);

  if (words === 'this year') {
    return {
      start: iso(published.year, 1, 1),
      end: publishedOn,
      label,
      rule: `"this year" is 1 January of the publication year to the publication date (${publishedOn})`,
    };
  }
  if (/^(?:the\s+)?(?:previous|prior)\s+year$|^last\s+year$|^the\s+year\s+before$/.test(words)) {
    const year = published.year - 1;
    return {
      start: iso(year, 1, 1),
      end: iso(year, 12, 31),
      label,
      rule: `"${label}" is the whole calendar year before the publication year (${publishedOn})`,
    };
  }
  if (words === 'last month') {
    const [year, month] = published.month === 1 ? [published.year - 1, 12] : [published.year, published.month - 1];
    return { start: iso(year, month, 1), end: iso(year, month, lastDayOf(year, month)), label, rule: `"last month" is the month before publication (${publishedOn})` };
  }

  const bareYear = /^(\d{4})$/.exec(words);
  if (bareYear) {
    const year = Number(bareYear[1]);
    if (context.fiscal) return fiscalYear(year, label, `a bare year compared with a fiscal year is that fiscal year: FY${year}`);
    return { start: iso(year, 1, 1), end: iso(year, 12, 31), label, rule: `the calendar year ${year}` };
  }

  const monthYear = /^([a-z]+)\s+(\d{4})$/.exec(words);
  if (monthYear && monthIndex(monthYear[1]!) !== null) {
    const month = monthIndex(monthYear[1]!)!;
    const year = Number(monthYear[2]);
    return { start: iso(year, month, 1), end: iso(year, month, lastDayOf(year, month)), label, rule: `the month ${label}` };
  }

  const month = monthIndex(words);
  if (month !== null) {
    return recentMonth(month, published, label, `a month name is the most recent such month before publication (${publishedOn})`);
  }
  return null;
}

/** "December 2023 to February" → ["December 2023", "February"], keeping the words as written. */
function splitRange(written: string): [string, string] {
  const match = /^(.+?)\s+(?:to|through|until)\s+(.+)$/i.exec(written)!;
  return [match[1]!, match[2]!];
}
