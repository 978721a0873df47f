import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestService, type TestService } from './support/test-service';

/**
 * Issue 13, part 3, against the real Neo4j with the CBP release the service loads at start:
 * the articles' numbers beside the official figures.
 */
const ARTICLE_1 = 'article:migrants-heading-north-into-canada';
const ARTICLE_2 = 'article:crossings-from-canada-drop-as-agents-shift-south';

const RECONCILE = `query ($id: ID!) {
  reconciliation(articleId: $id) {
    statistic { id value qualifier }
    comparison { verdict officialValue difference relativeDifference explanation dataset { id } release { id label } }
  }
}`;

describe('reconciliation with the official data', () => {
  let service: TestService;
  const comparisons = new Map<string, any>();

  beforeAll(async () => {
    service = await startTestService();
    for (const id of [ARTICLE_1, ARTICLE_2]) {
      const { body } = await service.graphql(RECONCILE, { id });
      expect(body.errors).toBeUndefined();
      for (const row of body.data!.reconciliation) comparisons.set(row.statistic.id, row.comparison);
    }
  });
  afterAll(async () => {
    await service.stop();
  });

  it('matches the December 2023 peak, 301,981, in the August 2025 release', () => {
    expect(comparisons.get('statistic:illegal-crossings-us-mexico-border-december-2023')).toMatchObject({
      verdict: 'MATCHES',
      officialValue: 301_981,
      difference: 0,
      dataset: { id: 'dataset:cbp-southwest-land-border-encounters' },
      release: { label: 'August 2025' },
    });
  });

  it('says February 2025 differs: 11,714 officially, 5 more than the 11,709 reported', () => {
    const february = comparisons.get('statistic:illegal-crossings-us-mexico-border-february-2025');
    expect(february).toMatchObject({ verdict: 'DIFFERS', officialValue: 11_714, difference: 5 });
    expect(february.explanation).toContain('5 more');
  });

  it('finds "over one million" in fiscal 2024 consistent with 2,135,005', () => {
    expect(comparisons.get('statistic:illegal-crossings-southern-border-fy2024')).toMatchObject({ verdict: 'CONSISTENT', officialValue: 2_135_005 });
  });

  it('recomputes "more than 90%" from the official counts: 96.1 %', () => {
    const [, drop] = [...comparisons.entries()].find(([id]) => id.startsWith('statistic:drop-in-illegal-crossings-us-mexico-border'))!;
    expect(drop).toMatchObject({ verdict: 'CONSISTENT', officialValue: 96.1 });
  });

  it('gives the northern border numbers no counterpart, and says why', () => {
    const northern = comparisons.get('statistic:crossings-from-canada-february-2025');
    expect(northern).toMatchObject({ verdict: 'NO_OFFICIAL_COUNTERPART', officialValue: null, dataset: null, release: null });
    expect(northern.explanation).toContain('southwest land border only');
  });

  it('answers Statistic.officialComparison on any statistic', async () => {
    const { body } = await service.graphql('{ statistics(filter: { measure: "tariff" }) { edges { node { officialComparison { verdict explanation } } } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data!.statistics.edges[0].node.officialComparison).toMatchObject({ verdict: 'NO_OFFICIAL_COUNTERPART', explanation: expect.stringContaining('No dataset') });
  });
});
