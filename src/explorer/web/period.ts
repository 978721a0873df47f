/*
 * The period slider's arithmetic: which facts a window of months keeps. A statistic is dated by
 * its period; a relation or quotation by the publication dates of its sources. Undated facts
 * stay visible: hiding them would hide what the filter cannot judge.
 */
import type { Evidence, ViewEntity } from './view-model.js';

/** A month as an integer (year * 12 + month - 1), so months compare and step as numbers. */
export function monthIndex(isoDateOrMonth: string): number {
  const [year, month] = isoDateOrMonth.split('-').map(Number);
  return year! * 12 + (month! - 1);
}

export function monthOf(index: number): string {
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface Window {
  /** Inclusive month indexes; null is open-ended. */
  from: number | null;
  to: number | null;
}

function overlaps(window: Window, start: number, end: number): boolean {
  return (window.from === null || end >= window.from) && (window.to === null || start <= window.to);
}

export function entityInWindow(entity: ViewEntity, window: Window): boolean {
  const period = entity.statistic?.period;
  if (!period) return true;
  return overlaps(window, monthIndex(period.start), monthIndex(period.end));
}

/** Kept when any source was published inside the window, or when none is dated. */
export function evidenceInWindow(evidence: readonly Evidence[], window: Window): boolean {
  const dates = evidence.map((piece) => piece.article.publishedOn).filter((date): date is string => Boolean(date));
  if (dates.length === 0) return true;
  return dates.some((date) => overlaps(window, monthIndex(date), monthIndex(date)));
}

/** The months the slider spans: from the earliest to the latest date any fact on screen carries. */
export function monthsSpanned(entities: readonly ViewEntity[], evidence: readonly Evidence[]): { first: number; last: number } | null {
  const months: number[] = [];
  for (const entity of entities) {
    const period = entity.statistic?.period;
    if (period) months.push(monthIndex(period.start), monthIndex(period.end));
  }
  for (const piece of evidence) if (piece.article.publishedOn) months.push(monthIndex(piece.article.publishedOn));
  if (months.length === 0) return null;
  return { first: Math.min(...months), last: Math.max(...months) };
}
