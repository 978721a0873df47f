import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestData } from './support/test-data';
import { errorCode, startTestService, type TestService } from './support/test-service';
import { normaliseText } from '../src/article';
import { ANCHOR, type Anchor } from './support/anchors';

const EDITOR_KEY = 'editor-key-for-anchor-tests-01';
const editor = { authorization: `Bearer ${EDITOR_KEY}` };
const ARTICLE_1 = 'article:migrants-heading-north-into-canada';
const ARTICLE_2 = 'article:crossings-from-canada-drop-as-agents-shift-south';

describe('anchored evidence and mentions, several sources per number', () => {
  let service: TestService;
  const data = new TestData();
  const texts = new Map<string, string>();

  beforeAll(async () => {
    service = await startTestService({ API_KEYS: `editor:${EDITOR_KEY}` });
    const { body } = await service.graphql('{ articles { edges { node { id text } } } }');
    for (const { node } of body.data!.articles.edges) texts.set(node.id, node.text);
  });
  afterAll(async () => {
    await service.stop();
    await data.cleanUp();
  });

  /** The anchor slices the article's text to exactly its words, and its context surrounds them. */
  function expectAnchoredIn(articleId: string, anchor: Anchor) {
    const text = texts.get(articleId)!;
    expect(text.slice(anchor.start, anchor.end)).toBe(anchor.exact);
    expect(text.slice(anchor.start - anchor.prefix.length, anchor.start)).toBe(anchor.prefix);
    expect(text.slice(anchor.end, anchor.end + anchor.suffix.length)).toBe(anchor.suffix);
  }

  it('anchors the evidence of every relation of the RCMP in its article', async () => {
    const { body } = await service.graphql(
      `{ entity(id: "organization:royal-canadian-mounted-police") { relations(first: 100) { edges { node { evidence { article { id } quote ${ANCHOR} } } } } } }`,
    );
    const evidence = body.data!.entity.relations.edges.flatMap((edge: any) => edge.node.evidence);
    expect(evidence.length).toBeGreaterThan(5);
    for (const item of evidence) {
      expectAnchoredIn(item.article.id, item.anchor);
      expect(normaliseText(item.anchor.exact)).toBe(normaliseText(item.quote));
    }
  });

  it("anchors every mention at the entity's name, and names the entity", async () => {
    const { body } = await service.graphql(
      `{ entity(name: "RCMP") { id mentions(first: 100) { edges { node { entity { id } article { id } sentence ${ANCHOR} } } } } }`,
    );
    const mentions = body.data!.entity.mentions.edges.map((edge: any) => edge.node);
    expect(mentions.map((mention: any) => mention.anchor.exact)).toContain('Canadian Mounties');
    for (const mention of mentions) {
      expect(mention.entity.id).toBe('organization:royal-canadian-mounted-police');
      expectAnchoredIn(mention.article.id, mention.anchor);
      expect(mention.sentence).toContain(mention.anchor.exact);
    }
  });

  it('does not take "Customs and Border Patrol" for a mention of U.S. Border Patrol', async () => {
    const sentences = async (id: string) => {
      const { body } = await service.graphql(`{ entity(id: "${id}") { mentions(first: 100) { edges { node { sentence } } } } }`);
      return body.data!.entity.mentions.edges.map((edge: any) => edge.node.sentence as string);
    };
    const customs = (sentence: string) => sentence.includes('Customs and Border Patrol’s focus');
    expect((await sentences('organization:us-border-patrol')).filter(customs)).toEqual([]);
    expect((await sentences('organization:us-customs-and-border-protection')).filter(customs)).toHaveLength(1);
  });

  it('gives a statistic its sources, the first being its source, each anchored', async () => {
    const { body } = await service.graphql(
      `{ statistics(filter: { measure: "apprehensions" }, first: 1) { edges { node { source { id } sources { article { id } quote ${ANCHOR} } } } } }`,
    );
    const [{ node }] = body.data!.statistics.edges;
    expect(node.sources.length).toBeGreaterThanOrEqual(1);
    expect(node.sources[0].article.id).toBe(node.source.id);
    for (const source of node.sources) expectAnchoredIn(source.article.id, source.anchor);
  });

  it('records the same number stated by a second article as one statistic with two sources', async () => {
    const record = (sourceId: string, evidence: string) =>
      service.graphql(
        'mutation ($input: StatisticInput!) { recordStatistic(input: $input) { id sources { article { id } quote } } }',
        // Measures come from the ontology's list: the test's token is in the period's label, and so in the name.
        { input: { measure: 'border length', period: { start: '2025-01-01', end: '2025-01-31', label: data.name('border length') }, value: 5500, unit: 'miles', placeIds: ['place:us-canada-border'], sourceId, evidence } },
        editor,
      );
    const first = await record(ARTICLE_1, 'Even the most isolated sections of the 5,500-mile U.S.-Canada border are seeing increased migrant traffic.');
    const second = await record(ARTICLE_2, 'spanning more than 5,500 miles of wilderness');
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data!.recordStatistic.id).toBe(first.body.data!.recordStatistic.id);
    expect(second.body.data!.recordStatistic.sources.map((source: any) => source.article.id)).toEqual([ARTICLE_1, ARTICLE_2]);
    const again = await record(ARTICLE_2, 'spanning more than 5,500 miles of wilderness');
    expect(again.body.data!.recordStatistic.sources).toHaveLength(2);
  });

  it('refuses a quote that occurs more than once in its article, naming the field, and writes nothing', async () => {
    const referenced = { ids: ['person:mike-kelly', 'policy:redeployment-of-border-patrol-agents-to-the-southern-border'] };
    const before = await data.snapshot(referenced);
    const { body } = await service.graphql(
      'mutation ($input: RelationInput!) { linkEntities(input: $input) { id } }',
      {
        input: {
          type: 'CRITICIZED',
          fromId: 'person:mike-kelly',
          toId: 'policy:redeployment-of-border-patrol-agents-to-the-southern-border',
          evidence: [{ articleId: ARTICLE_2, quote: 'the northern border' }],
        },
      },
      editor,
    );
    expect(errorCode(body)).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toMatch(/occurs \d+ times/);
    expect(body.errors![0]!.extensions).toMatchObject({ field: 'input.evidence[0].quote' });
    expect(await data.snapshot(referenced)).toEqual(before);
  });
});
