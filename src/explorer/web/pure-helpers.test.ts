import { describe, expect, it } from '@jest/globals';
import { chartColumns, isMonthly, type ChartData, type ReportedPointData } from './chart-view.js';
import { mergeSpans } from './dom.js';
import { locate } from './evidence-panel.js';
import { NEIGHBOURHOOD, SEARCH, withFragments } from './queries.js';

describe('marking spans', () => {
  it('merges overlapping and touching spans, sorted and clipped to the text', () => {
    expect(mergeSpans([{ start: 8, end: 12 }, { start: 0, end: 3 }, { start: 2, end: 5 }, { start: 12, end: 14 }, { start: 18, end: 40 }], 20)).toEqual([
      { start: 0, end: 5 },
      { start: 8, end: 14 },
      { start: 18, end: 20 },
    ]);
  });
});

describe('finding anchored words again', () => {
  const anchor = { start: 4, end: 9, exact: 'quick', prefix: 'The ', suffix: ' brown' };
  it('uses the offsets while they still hold', () => {
    expect(locate('The quick brown fox', anchor)).toEqual({ start: 4, end: 9, moved: false });
  });
  it('finds the words by their context when the text moved (Web Annotation TextQuoteSelector)', () => {
    expect(locate('Lead. The quick brown fox', anchor)).toEqual({ start: 10, end: 15, moved: true });
  });
  it('says when the words are gone', () => {
    expect(locate('The slow brown fox', anchor)).toBeNull();
  });
});

describe('the documents the page sends', () => {
  it('carry exactly the fragments they spread, transitively (GraphQL refuses unused ones)', () => {
    const names = (document: string) => [...document.matchAll(/^fragment (\w+)/gm)].map((match) => match[1]).sort();
    expect(names(NEIGHBOURHOOD)).toEqual(['EntityFields', 'EvidenceFields', 'ProvenanceFields', 'RelationFields', 'Source']);
    expect(names(SEARCH)).toEqual(['ProvenanceFields', 'QuotationFields', 'Source']);
    expect(withFragments('query { a }')).toBe('query { a }');
  });
});

describe('the chart of reported against official numbers', () => {
  const point = (start: string, end: string, verdict: string, value: number): ReportedPointData => ({
    value,
    qualifier: 'EXACT',
    period: { start, end, label: start },
    statistic: { id: `statistic:${start}`, name: start, officialComparison: { verdict, officialValue: null, explanation: '' } },
  });
  const data: ChartData = {
    measure: 'illegal crossings',
    place: null,
    points: [point('2023-10-01', '2024-09-30', 'CONSISTENT', 1_000_000), point('2023-12-01', '2023-12-31', 'MATCHES', 301_981), point('2025-02-01', '2025-02-28', 'DIFFERS', 11_709)],
    official: { datasetTitle: 'd', release: 'r', measure: 'encounters', points: [{ month: '2023-12-01', value: 301_981 }, { month: '2024-01-01', value: 176_000 }, { month: '2025-02-01', value: 11_714 }] },
  };

  it('draws only claims of one calendar month on the monthly line', () => {
    expect(data.points.map(isMonthly)).toEqual([false, true, true]);
  });

  it('aligns the official line and one column of claims per verdict on the same months', () => {
    const { xs, official, byVerdict } = chartColumns(data);
    expect(xs).toHaveLength(3);
    expect(official).toEqual([301_981, 176_000, 11_714]);
    expect(byVerdict.get('MATCHES')).toEqual([301_981, null, null]);
    expect(byVerdict.get('DIFFERS')).toEqual([null, null, 11_709]);
    expect(byVerdict.has('CONSISTENT')).toBe(false);
  });
});
