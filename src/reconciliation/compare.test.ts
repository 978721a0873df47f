import { describe, expect, it } from '@jest/globals';
import { compareWithOfficial, type OfficialData, type ReportedStatistic } from './compare';

/** Official monthly totals by release, as the dataset domain would sum them (the figures of the CBP file). */
const MONTHS: Record<string, Record<string, number>> = {
  'release:aug-2025': { '2023-12': 301_981, '2025-02': 11_714 },
  'release:mar-2025': { '2023-12': 301_981, '2025-02': 11_709 },
};
const FISCAL_2024 = 2_135_005;

function officialData(releases: string[]): OfficialData {
  return {
    releases: async () => releases.map((id) => ({ id, label: id === 'release:aug-2025' ? 'August 2025' : 'March 2025' })),
    value: async ({ period, releaseId }) => {
      if (period.start === '2023-10-01' && period.end === '2024-09-30') return FISCAL_2024;
      if (period.start.slice(0, 7) !== period.end.slice(0, 7)) return null;
      return MONTHS[releaseId]![period.start.slice(0, 7)] ?? null;
    },
  };
}

const southern = (fields: Partial<ReportedStatistic>): ReportedStatistic => ({
  measure: 'illegal crossings',
  value: 0,
  unit: 'crossings',
  qualifier: 'EXACT',
  period: null,
  placeIds: ['place:us-mexico-border'],
  ...fields,
});

describe('compareWithOfficial', () => {
  const latest = officialData(['release:aug-2025']);

  it('MATCHES the December 2023 peak of 301,981', async () => {
    const comparison = await compareWithOfficial(southern({ value: 301_981, period: { start: '2023-12-01', end: '2023-12-31', label: 'December 2023' } }), latest);
    expect(comparison).toMatchObject({ verdict: 'MATCHES', officialValue: 301_981, difference: 0, datasetId: 'dataset:cbp-southwest-land-border-encounters' });
  });

  it('finds "over one million" in fiscal 2024 CONSISTENT with 2,135,005', async () => {
    const comparison = await compareWithOfficial(
      southern({ value: 1_000_000, qualifier: 'MORE_THAN', period: { start: '2023-10-01', end: '2024-09-30', label: 'fiscal year 2024' } }),
      latest,
    );
    expect(comparison).toMatchObject({ verdict: 'CONSISTENT', officialValue: 2_135_005 });
  });

  it('recomputes "more than 90%" from the official counts: 96.1 %, CONSISTENT', async () => {
    const comparison = await compareWithOfficial(
      southern({ measure: 'percentage drop in illegal crossings', value: 90, unit: 'percent', qualifier: 'MORE_THAN', period: { start: '2023-12-01', end: '2025-02-28', label: 'December 2023 to February 2025' } }),
      latest,
    );
    expect(comparison).toMatchObject({ verdict: 'CONSISTENT', officialValue: 96.1 });
    expect(comparison.explanation).toContain('301,981 in December 2023 and 11,714 in February 2025');
  });

  it('says February 2025 DIFFERS by 5, and that a later release revised it when an earlier one had 11,709', async () => {
    const february = southern({ value: 11_709, period: { start: '2025-02-01', end: '2025-02-28', label: 'February' } });
    expect(await compareWithOfficial(february, latest)).toMatchObject({ verdict: 'DIFFERS', officialValue: 11_714, difference: 5 });
    const revised = await compareWithOfficial(february, officialData(['release:aug-2025', 'release:mar-2025']));
    expect(revised.verdict).toBe('DIFFERS');
    expect(revised.explanation).toContain('revised in a later release');
  });

  it('gives the northern border NO_OFFICIAL_COUNTERPART with the reason', async () => {
    const comparison = await compareWithOfficial(
      { measure: 'migrant crossings', value: 4_098, unit: 'people', qualifier: 'EXACT', period: { start: '2025-02-01', end: '2025-02-28', label: 'February' }, placeIds: ['place:canada', 'place:us-canada-border'] },
      latest,
    );
    expect(comparison).toMatchObject({ verdict: 'NO_OFFICIAL_COUNTERPART', officialValue: null });
    expect(comparison.explanation).toContain('southwest land border only');
    expect((await compareWithOfficial(southern({ measure: 'tariff rate', value: 25, unit: 'percent' }), latest)).explanation).toContain('No dataset of the graph counts tariff rate');
  });

  it('has no counterpart for a period the newest release does not cover', async () => {
    const comparison = await compareWithOfficial(southern({ value: 5, period: { start: '2019-01-01', end: '2019-01-31', label: 'January 2019' } }), latest);
    expect(comparison.verdict).toBe('NO_OFFICIAL_COUNTERPART');
    expect(comparison.explanation).toContain('does not cover January 2019');
  });
});
