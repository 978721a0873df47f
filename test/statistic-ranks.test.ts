import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { measureDefinition } from '../src/ontology';
import { TestData } from './support/test-data';
import { errorCode, startTestService, type GraphQLResponse, type TestService } from './support/test-service';

/**
 * Ranks (PREFERRED / NORMAL / DEPRECATED, as Wikidata) and disagreements of statistics, through
 * the HTTP API. Every test records its statistics about a place of its own, so the statistics
 * it compares are its own whatever other files record at the same time.
 */

const EDITOR_KEY = 'editor-key-for-ranks-0001';
const editor = { authorization: `Bearer ${EDITOR_KEY}` };

const ARTICLE = 'article:crossings-from-canada-drop-as-agents-shift-south';
const CBP_SENTENCE =
  'The number of individuals crossing from Canada into the US has seen a substantial decline, dropping from 12,085 in November to 4,098 in February, according to the most recent data from CBP.';
const CANADIAN_BORDER_OFFICIALS = 'group:canadian-border-officials';

// A measure of the ontology, in its one unit.
const CROSSINGS = measureDefinition('migrant crossings')!;

const UPSERT = 'mutation ($input: EntityInput!) { upsertEntity(input: $input) { id } }';
const STATISTIC_FIELDS = 'id value qualifier rank rankReason period { start end } places { id } reportedBy { id } collectedBy { id kind }';
const RECORD = `mutation ($input: StatisticInput!) { recordStatistic(input: $input) { ${STATISTIC_FIELDS} disagreements { id } } }`;
const ABOUT_PLACE = `query ($placeId: ID!) {
  statistics(filter: { placeId: $placeId }, first: 100) {
    edges { node { id value disagreements { id value rank rankReason places { id name } reportedBy { id } source { id } } } }
  }
}`;

/** The seed's statistic ids, read as data (as test/support/test-data.ts reads the seed). */
const SEED_STATISTIC_IDS: Set<string> = (() => {
  const graph = JSON.parse(readFileSync(path.resolve(__dirname, '..', 'cypher', 'seed', 'graph.json'), 'utf8')) as { statistics: { id: string }[] };
  return new Set(graph.statistics.map((statistic) => statistic.id));
})();

describe('statistic ranks and disagreements', () => {
  let service: TestService;
  const data = new TestData();

  beforeAll(async () => {
    service = await startTestService({ API_KEYS: `editor:${EDITOR_KEY}` });
  });
  afterAll(async () => {
    await service.stop();
    await data.cleanUp();
  });

  /** A place of the running test's own (its name, hence its id, carries the test's token). */
  async function ownPlace(base = 'Test Crossing Point'): Promise<string> {
    const { body } = await service.graphql(UPSERT, { input: { kind: 'PLACE', name: data.name(base) } }, editor);
    expect(body.errors).toBeUndefined();
    return body.data!.upsertEntity.id;
  }

  const JANUARY = { start: '2025-01-01', end: '2025-01-31' };
  const FEBRUARY = { start: '2025-02-01', end: '2025-02-28' };

  /** A statistic about the place; its period's label carries the test's token, and so its name. */
  const input = (placeId: string, overrides: Record<string, unknown> = {}) => ({
    measure: CROSSINGS.measure,
    unit: CROSSINGS.unit,
    value: 4098,
    period: { ...JANUARY, label: data.name('January') },
    placeIds: [placeId],
    reportedById: 'organization:us-customs-and-border-protection',
    sourceId: ARTICLE,
    evidence: CBP_SENTENCE,
    ...overrides,
  });

  async function record(statisticInput: Record<string, unknown>) {
    const { body } = await service.graphql(RECORD, { input: statisticInput }, editor);
    expect(body.errors).toBeUndefined();
    return body.data!.recordStatistic;
  }

  describe('disagreements', () => {
    it('lists each other for two numbers of the same measure, period and place, and not a number of another period', async () => {
      const placeId = await ownPlace();
      const first = await record(input(placeId, { value: 4098 }));
      const second = await record(input(placeId, { value: 4200, reportedById: null }));
      const otherPeriod = await record(input(placeId, { value: 3900, period: { ...FEBRUARY, label: data.name('February') } }));

      const { body } = await service.graphql(ABOUT_PLACE, { placeId });
      expect(body.errors).toBeUndefined();
      const byId = new Map(body.data!.statistics.edges.map(({ node }: any) => [node.id, node]));
      expect(byId.size).toBe(3);
      const placeName = data.name('Test Crossing Point');
      expect(byId.get(first.id)).toEqual({
        id: first.id,
        value: 4098,
        disagreements: [{ id: second.id, value: 4200, rank: 'NORMAL', rankReason: null, places: [{ id: placeId, name: placeName }], reportedBy: null, source: { id: ARTICLE } }],
      });
      expect((byId.get(second.id) as any).disagreements).toEqual([
        {
          id: first.id,
          value: 4098,
          rank: 'NORMAL',
          rankReason: null,
          places: [{ id: placeId, name: placeName }],
          reportedBy: { id: 'organization:us-customs-and-border-protection' },
          source: { id: ARTICLE },
        },
      ]);
      expect((byId.get(otherPeriod.id) as any).disagreements).toEqual([]);
    });

    it('answers the disagreements of a whole page with one more Cypher query, whatever they ask of each', async () => {
      const placeId = await ownPlace();
      for (const value of [10, 11, 12]) await record(input(placeId, { value }));
      const without = await service.graphql(
        'query ($placeId: ID!) { statistics(filter: { placeId: $placeId }) { edges { node { id places { id } } } } }',
        { placeId },
      );
      const withDisagreements = await service.graphql(ABOUT_PLACE, { placeId });
      expect(withDisagreements.body.errors).toBeUndefined();
      const counts = withDisagreements.body.data!.statistics.edges.map(({ node }: any) => node.disagreements.length);
      expect(counts).toEqual([2, 2, 2]);
      expect(Number(withDisagreements.headers.get('x-cypher-round-trips'))).toBe(Number(without.headers.get('x-cypher-round-trips')) + 1);
    });

    it('holds for the same number with qualifiers that cannot both hold, not for "around" it', async () => {
      const placeId = await ownPlace();
      const exact = await record(input(placeId, { value: 500 }));
      const moreThan = await record(input(placeId, { value: 500, qualifier: 'MORE_THAN' }));
      const around = await record(input(placeId, { value: 500, qualifier: 'APPROXIMATE' }));
      const { body } = await service.graphql(ABOUT_PLACE, { placeId });
      const disagreements = Object.fromEntries(
        body.data!.statistics.edges.map(({ node }: any) => [node.id, node.disagreements.map((other: any) => other.id)]),
      );
      expect(disagreements).toEqual({ [exact.id]: [moreThan.id], [moreThan.id]: [exact.id], [around.id]: [] });
    });

    it('finds none among the statistics of the seed', async () => {
      // Every statistic, page by page: other files add theirs at the same time.
      const all: any[] = [];
      for (let after: string | null = null, more = true; more; ) {
        const { body }: GraphQLResponse = await service.graphql(
          'query ($after: String) { statistics(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id rank rankReason disagreements { id } } } } }',
          { after },
        );
        expect(body.errors).toBeUndefined();
        all.push(...body.data!.statistics.edges.map(({ node }: any) => node));
        ({ hasNextPage: more, endCursor: after } = body.data!.statistics.pageInfo);
      }
      const seed = all.filter((node) => SEED_STATISTIC_IDS.has(node.id));
      expect(seed).toHaveLength(SEED_STATISTIC_IDS.size);
      // Other files may record numbers about the seed's places at the same time: only the seed's own count here.
      const disagreeing = seed.filter((node: any) => node.disagreements.some((other: any) => SEED_STATISTIC_IDS.has(other.id)));
      expect(disagreeing).toEqual([]);
      expect(new Set(seed.map((node: any) => `${node.rank} ${node.rankReason}`))).toEqual(new Set(['NORMAL null']));
    });
  });

  describe('rank', () => {
    it('stores a DEPRECATED rank with its reason and reads it back', async () => {
      const placeId = await ownPlace();
      const reason = 'superseded by the revised CBP count';
      const recorded = await record(input(placeId, { rank: 'DEPRECATED', rankReason: `  ${reason} ` }));
      expect(recorded).toMatchObject({ rank: 'DEPRECATED', rankReason: reason });

      const read = await service.graphql('query ($id: ID!) { node(id: $id) { ... on Statistic { id rank rankReason } } }', { id: recorded.id });
      expect(read.body.data!.node).toEqual({ id: recorded.id, rank: 'DEPRECATED', rankReason: reason });
      expect(await data.query('MATCH (s:Statistic {id: $id}) RETURN s.rank AS rank, s.rankReason AS rankReason', { id: recorded.id })).toEqual([
        { rank: 'DEPRECATED', rankReason: reason },
      ]);
    });

    it('is NORMAL without one, and a rank given again replaces it on the same statistic', async () => {
      const placeId = await ownPlace();
      const normal = await record(input(placeId));
      expect(normal).toMatchObject({ rank: 'NORMAL', rankReason: null });

      const preferred = await record(input(placeId, { rank: 'PREFERRED', rankReason: 'the figure CBP published' }));
      expect(preferred).toMatchObject({ id: normal.id, rank: 'PREFERRED', rankReason: 'the figure CBP published' });
      // Recorded again without a rank (another article stating it, say): the rank stays.
      expect(await record(input(placeId))).toMatchObject({ id: normal.id, rank: 'PREFERRED', rankReason: 'the figure CBP published' });
      const renormalised = await record(input(placeId, { rank: 'NORMAL' }));
      expect(renormalised).toMatchObject({ id: normal.id, rank: 'NORMAL', rankReason: null });
      expect(await data.query('MATCH (s:Statistic {id: $id}) RETURN s.rank AS rank, s.rankReason AS rankReason', { id: normal.id })).toEqual([
        { rank: 'NORMAL', rankReason: null },
      ]);
    });

    it('lists a ranked statistic among the disagreements of the others, preferred first, deprecated last', async () => {
      const placeId = await ownPlace();
      const deprecated = await record(input(placeId, { value: 1, rank: 'DEPRECATED', rankReason: 'a typo in the first edition' }));
      const normal = await record(input(placeId, { value: 2 }));
      const preferred = await record(input(placeId, { value: 3, rank: 'PREFERRED', rankReason: 'the official figure' }));
      const { body } = await service.graphql(ABOUT_PLACE, { placeId });
      const ofNormal = body.data!.statistics.edges.find(({ node }: any) => node.id === normal.id).node.disagreements;
      expect(ofNormal.map((other: any) => [other.id, other.rank, other.rankReason])).toEqual([
        [preferred.id, 'PREFERRED', 'the official figure'],
        [deprecated.id, 'DEPRECATED', 'a typo in the first edition'],
      ]);
    });

    it.each([
      [{ rank: 'DEPRECATED' }, 'input.rankReason'],
      [{ rank: 'PREFERRED', rankReason: null }, 'input.rankReason'],
      [{ rank: 'NORMAL', rankReason: 'no reason is needed' }, 'input.rankReason'],
      [{ rankReason: 'a reason without a rank' }, 'input.rankReason'],
      [{ rank: 'DEPRECATED', rankReason: '   ' }, 'rankReason'],
      [{ rank: 'OBSOLETE', rankReason: 'not a rank' }, 'StatisticRank'],
    ])('refuses %p as BAD_USER_INPUT naming %s, and writes nothing', async (overrides, field) => {
      const placeId = await ownPlace();
      const before = await data.snapshot();
      const { body } = await service.graphql(RECORD, { input: input(placeId, overrides) }, editor);
      expect(errorCode(body)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(body.errors)).toContain(field);
      expect(await data.snapshot()).toEqual(before);
    });
  });

  describe('collectedById', () => {
    it('links a group as collector, apart from the reporter, and makes another statistic than without it', async () => {
      const placeId = await ownPlace();
      const withoutCollector = await record(input(placeId));
      const collected = await record(input(placeId, { collectedById: CANADIAN_BORDER_OFFICIALS }));
      expect(collected).toMatchObject({
        reportedBy: { id: 'organization:us-customs-and-border-protection' },
        collectedBy: { id: CANADIAN_BORDER_OFFICIALS, kind: 'GROUP' },
      });
      expect(collected.id).not.toBe(withoutCollector.id);
      const collectors = await data.query('MATCH (c:Entity)-[:COLLECTED]->(:Statistic {id: $id}) RETURN c.id AS id', { id: collected.id });
      expect(collectors).toEqual([{ id: CANADIAN_BORDER_OFFICIALS }]);
    });

    it.each([
      [{ collectedById: 'place:canada' }, 'BAD_USER_INPUT', 'input.collectedById'],
      [{ collectedById: 'person:mike-kelly' }, 'BAD_USER_INPUT', 'input.collectedById'],
      [{ collectedById: 'organization:nobody-counted-this' }, 'NOT_FOUND', 'organization:nobody-counted-this'],
      [{ collectedById: 'not an id' }, 'BAD_USER_INPUT', 'collectedById'],
    ])('refuses %p as %s naming %s, and writes nothing', async (overrides, code, named) => {
      const placeId = await ownPlace();
      const referenced = { ids: [overrides.collectedById] };
      const before = await data.snapshot(referenced);
      const { body } = await service.graphql(RECORD, { input: input(placeId, overrides) }, editor);
      expect(errorCode(body)).toBe(code);
      expect(JSON.stringify(body.errors)).toContain(named);
      expect(await data.snapshot(referenced)).toEqual(before);
    });
  });

  it('records the same facts, rank and collector twice as one statistic, changing nothing the second time', async () => {
    const placeId = await ownPlace();
    const facts = input(placeId, { collectedById: CANADIAN_BORDER_OFFICIALS, rank: 'DEPRECATED', rankReason: 'a preliminary count' });
    const first = await service.graphql(RECORD, { input: facts }, editor);
    expect(first.body.errors).toBeUndefined();
    const before = await data.snapshot();
    const second = await service.graphql(RECORD, { input: facts }, editor);
    expect(second.body).toEqual(first.body);
    expect(await data.snapshot()).toEqual(before);
    expect(await data.query('MATCH (s:Statistic {id: $id}) RETURN count(s) AS count', { id: first.body.data!.recordStatistic.id })).toEqual([{ count: 1 }]);
  });
});
