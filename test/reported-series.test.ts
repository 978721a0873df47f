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

  it("draws the official line under the southern border numbers: CBP's encounters by month, the same figures the verdicts compare with", async () => {
    const { body } = await service.graphql(`{
      reportedSeries(measure: "illegal crossings", placeId: "place:us-mexico-border") {
        officialSeries { measure dataset { id } points { period { start } value } }
        quarterly: officialSeries(granularity: QUARTER) { points { period { label } } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const official = body.data!.reportedSeries.officialSeries;
    expect(official.dataset).toEqual({ id: 'dataset:cbp-southwest-land-border-encounters' });
    expect(official.measure).toBe('encounters');
    const byMonth = new Map(official.points.map((point: any) => [point.period.start, point.value]));
    expect(byMonth.get('2023-12-01')).toBe(301_981);
    expect(byMonth.get('2025-02-01')).toBe(11_714);
    expect(body.data!.reportedSeries.quarterly.points.length).toBeLessThan(official.points.length);
  });

  it('has no official line where no dataset covers the measure and place: the northern border', async () => {
    const { body } = await service.graphql(`{
      reportedSeries(measure: "illegal crossings", placeId: "place:us-canada-border") { points { value } officialSeries { measure } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.reportedSeries.points.length).toBeGreaterThan(0);
    expect(body.data!.reportedSeries.officialSeries).toBeNull();
  });
});
