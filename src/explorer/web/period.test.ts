import { describe, expect, it } from '@jest/globals';
import { entityInWindow, evidenceInWindow, monthIndex, monthOf, monthsSpanned } from './period.js';
import type { Evidence, ViewEntity } from './view-model.js';

const statistic = (start: string, end: string): ViewEntity => ({
  id: 'statistic:x',
  kind: 'STATISTIC',
  name: 'x',
  aliases: [],
  description: null,
  statistic: { measure: 'm', value: 1, unit: null, qualifier: 'EXACT', period: { start, end, label: 'l' }, verdict: null, officialValue: null },
  sources: [],
  provenance: null,
});
const published = (publishedOn: string | null): Evidence => ({
  quote: 'q',
  anchor: { start: 0, end: 1, exact: 'q', prefix: '', suffix: '' },
  article: { id: 'article:a', title: 'A', publisher: null, publishedOn, url: null },
});

describe('the period slider', () => {
  it('counts months as integers and back', () => {
    expect(monthOf(monthIndex('2025-01-31'))).toBe('2025-01');
    expect(monthIndex('2025-01') - monthIndex('2024-12')).toBe(1);
  });

  it('keeps a statistic whose period overlaps the window, and hides one outside it', () => {
    const window = { from: monthIndex('2024-10'), to: monthIndex('2024-12') };
    expect(entityInWindow(statistic('2023-10-01', '2024-09-30'), window)).toBe(false);
    expect(entityInWindow(statistic('2024-12-01', '2024-12-31'), window)).toBe(true);
    expect(entityInWindow(statistic('2024-01-01', '2025-12-31'), window)).toBe(true);
  });

  it('keeps a relation if any source was published in the window, and undated facts always', () => {
    const window = { from: monthIndex('2025-03'), to: null };
    expect(evidenceInWindow([published('2025-02-10'), published('2025-04-13')], window)).toBe(true);
    expect(evidenceInWindow([published('2025-02-10')], window)).toBe(false);
    expect(evidenceInWindow([published(null)], window)).toBe(true);
    expect(evidenceInWindow([], window)).toBe(true);
  });

  it('spans from the earliest to the latest date on screen', () => {
    expect(monthsSpanned([statistic('2023-10-01', '2024-09-30')], [published('2025-04-13')])).toEqual({ first: monthIndex('2023-10'), last: monthIndex('2025-04') });
    expect(monthsSpanned([], [])).toBeNull();
  });
});
