import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import * as relationRepository from '../src/relation/relation.repository';
import { TestData } from './support/test-data';
import { startTestService, type TestService } from './support/test-service';

const EDITOR_KEY = 'editor-key-for-concurrency-01';
const editor = { authorization: `Bearer ${EDITOR_KEY}` };
const ARTICLE = 'article:crossings-from-canada-drop-as-agents-shift-south';
const SENTENCE =
  'The northern border is the largest land border in the world, spanning more than 5,500 miles of wilderness and largely unguarded territory outside of official border-crossing points.';

describe('concurrent and failing writes', () => {
  let service: TestService;
  const data = new TestData();
  beforeAll(async () => {
    service = await startTestService({ API_KEYS: `editor:${EDITOR_KEY}` });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await service.stop();
    await data.cleanUp();
  });

  const upsert = (name: string) =>
    service.graphql('mutation ($input: EntityInput!) { upsertEntity(input: $input) { id } }', { input: { kind: 'PLACE', name } }, editor);

  it('leaves exactly one node after 50 concurrent upserts of the same new entity', async () => {
    const name = data.name('Contested Crossing');
    const responses = await Promise.all(Array.from({ length: 50 }, () => upsert(name)));
    expect(responses.filter((response) => response.body.errors)).toEqual([]);
    const nodes = await data.query('MATCH (n:Entity) WHERE n.name = $name RETURN n.id AS id', { name });
    expect(nodes).toEqual([{ id: `place:contested-crossing-${data.token}` }]);
  });

  it('leaves one relation with every distinct piece of evidence after 50 concurrent links of the same pair', async () => {
    const from = (await upsert(data.name('Border Stretch'))).body.data!.upsertEntity.id;
    // 25 distinct verbatim parts of one sentence (its longest prefixes), each sent twice.
    const words = SENTENCE.split(' ');
    const quotes = Array.from({ length: 50 }, (_, index) => words.slice(0, words.length - (index % 25)).join(' '));
    const distinct = [...new Set(quotes)];
    expect(distinct).toHaveLength(25);
    const responses = await Promise.all(
      quotes.map((quote) =>
        service.graphql(
          'mutation ($input: RelationInput!) { linkEntities(input: $input) { id } }',
          { input: { type: 'PART_OF', fromId: from, toId: 'place:us-canada-border', evidence: [{ articleId: ARTICLE, quote }] } },
          editor,
        ),
      ),
    );
    expect(responses.filter((response) => response.body.errors)).toEqual([]);
    const relations = await data.query('MATCH (:Entity {id: $from})-[r:PART_OF]->(:Entity {id: "place:us-canada-border"}) RETURN r.evidence AS evidence', { from });
    expect(relations).toHaveLength(1);
    expect([...(relations[0]!.evidence as string[])].sort()).toEqual(distinct.map((quote) => `${ARTICLE}|${quote}`).sort());
  });

  it('leaves nothing behind when a write fails half-way through its transaction', async () => {
    const before = await data.snapshot();
    // The statistic's node is written, then linking it fails: the whole transaction must roll back.
    jest.spyOn(relationRepository, 'mergeRelations').mockImplementationOnce(async () => {
      throw new Error('forced failure after the first statement');
    });
    // Measures come from the ontology's list: the test's token is in the period's label, and so in the name.
    const label = data.name('half-written statistic');
    const period = { start: '2025-01-01', end: '2025-01-31', label };
    const { body } = await service.graphql(
      'mutation ($input: StatisticInput!) { recordStatistic(input: $input) { id } }',
      { input: { measure: 'border length', value: 5500, unit: 'miles', period, sourceId: ARTICLE, evidence: SENTENCE, placeIds: ['place:us-canada-border'] } },
      editor,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(body.errors?.[0]?.message).toBe('Internal server error');
    expect(await data.query('MATCH (n:Entity) WHERE n.name CONTAINS $label RETURN n', { label })).toEqual([]);
    expect(await data.snapshot()).toEqual(before);
  });
});
