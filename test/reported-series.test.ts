import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestService, type TestService } from './support/test-service';

/** Issue 13, part 4: the articles' numbers of a measure as points over time, from the seed. */
describe('reportedSeries', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  it('lists the southern border crossings the articles report, oldest period first, each with its statistic', async () => {
    const { body } = await service.graphql(`{
      reportedSeries(measure: "Illegal crossings", placeId: "place:us-mexico-border") {
        measure place { id }
        points { period { start end } value qualifier statistic { id source { id } } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const series = body.data!.reportedSeries;
    expect(series.measure).toBe('Illegal crossings');
    expect(series.place).toEqual({ id: 'place:us-mexico-border' });
    expect(series.points.map((point: any) => [point.period.start, point.value, point.qualifier])).toEqual([
      ['2023-10-01', 1_000_000, 'MORE_THAN'],
      ['2023-12-01', 301_981, 'EXACT'],
      ['2025-02-01', 11_709, 'EXACT'],
    ]);
    expect(series.points[1].statistic).toEqual({ id: 'statistic:illegal-crossings-us-mexico-border-december-2023', source: { id: 'article:crossings-from-canada-drop-as-agents-shift-south' } });
  });

  it('leaves out other measures whose names contain the one asked for, and undated numbers', async () => {
    const { body } = await service.graphql('{ reportedSeries(measure: "crossings") { points { value } } }');
    expect(body.data!.reportedSeries.points).toEqual([]);
  });
});
