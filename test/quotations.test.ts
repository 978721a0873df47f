import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { errorCode, startTestService, type TestService } from './support/test-service';

// Quotations through the HTTP API, on the seeded corpus (cypher/seed/quotations.json).
const KELLY = 'person:mike-kelly';
const RCMP = 'organization:royal-canadian-mounted-police';
const ARTICLE_000 = 'article:migrants-heading-north-into-canada';
const ARTICLE_004 = 'article:crossings-from-canada-drop-as-agents-shift-south';
const WARNING = 'the most dangerous people are coming through the northern border';

const curated = (
  JSON.parse(readFileSync(path.resolve(__dirname, '..', 'cypher', 'seed', 'quotations.json'), 'utf8')) as {
    quotations: { id: string; articleId: string; speakerId: string | null }[];
  }
).quotations;

const QUOTATION_FIELDS = 'id text direct attribution attributedTo speaker { id } article { id } anchor { start end exact prefix suffix }';

describe('quotations', () => {
  let service: TestService;
  let articleTexts: Record<string, string>;
  beforeAll(async () => {
    service = await startTestService();
    const data = await read('{ articles { edges { node { id text } } } }');
    articleTexts = Object.fromEntries(data.articles.edges.map((edge: any) => [edge.node.id, edge.node.text]));
  });
  afterAll(async () => {
    await service.stop();
  });
  async function read(query: string, variables?: Record<string, unknown>) {
    const { body } = await service.graphql(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data!;
  }

  it("finds Kelly's warning from Kelly, with offsets that slice the article's text to exactly the words", async () => {
    const data = await read(`{ entity(name: "Kelly") { id quotations { totalCount edges { node { ${QUOTATION_FIELDS} } } } } }`);
    const quotations = data.entity.quotations.edges.map((edge: any) => edge.node);
    expect(data.entity.quotations.totalCount).toBe(curated.filter((quotation) => quotation.speakerId === KELLY).length);
    const warning = quotations.find((quotation: any) => quotation.text.includes(WARNING));
    expect(warning).toMatchObject({ direct: true, speaker: { id: KELLY }, article: { id: ARTICLE_004 } });
    const { start, end, exact, prefix, suffix } = warning.anchor;
    const text = articleTexts[ARTICLE_004]!;
    expect(text.slice(start, end)).toBe(warning.text);
    expect(exact).toBe(warning.text);
    expect(text.slice(start - prefix.length, start)).toBe(prefix);
    expect(text.slice(end, end + suffix.length)).toBe(suffix);
    // Every anchor slices its article to its words.
    for (const quotation of quotations) expect(text.slice(quotation.anchor.start, quotation.anchor.end)).toBe(quotation.text);
  });

  it('lists the quotations of an article in the order of the article, each anchored in it', async () => {
    const data = await read(`query ($articleId: ID) { quotations(articleId: $articleId, first: 100) { totalCount edges { node { ${QUOTATION_FIELDS} } } } }`, {
      articleId: ARTICLE_000,
    });
    const quotations = data.quotations.edges.map((edge: any) => edge.node);
    expect(data.quotations.totalCount).toBe(curated.filter((quotation) => quotation.articleId === ARTICLE_000).length);
    const starts = quotations.map((quotation: any) => quotation.anchor.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const quotation of quotations) {
      expect(quotation.article).toEqual({ id: ARTICLE_000 });
      expect(articleTexts[ARTICLE_000]!.slice(quotation.anchor.start, quotation.anchor.end)).toBe(quotation.text);
    }
    // Unnamed speakers: a group of the graph, and the words that name them.
    expect(quotations.find((quotation: any) => quotation.attributedTo === 'a source')).toMatchObject({ speaker: { id: 'group:unnamed-sources' }, direct: true, attribution: 'explained' });
  });

  it('lists the quotations of a speaker, and every quotation newest article first', async () => {
    const rcmp = await read(`{ quotations(speakerId: "${RCMP}") { totalCount edges { node { speaker { id } direct attribution } } } }`);
    expect(rcmp.quotations.totalCount).toBe(2);
    expect(rcmp.quotations.edges.map((edge: any) => edge.node)).toEqual([
      { speaker: { id: RCMP }, direct: true, attribution: 'told The Post' },
      { speaker: { id: RCMP }, direct: false, attribution: 'said' },
    ]);
    const all = await read('{ quotations(first: 100) { totalCount edges { node { article { id } } } } }');
    expect(all.quotations.totalCount).toBe(curated.length);
    const articles = all.quotations.edges.map((edge: any) => edge.node.article.id);
    // Article 004 (April 2025) before article 000 (March 2025).
    expect(articles.lastIndexOf(ARTICLE_004)).toBeLessThan(articles.indexOf(ARTICLE_000));
  });

  it('pages with first and after, without gaps or repeats', async () => {
    const query = 'query ($after: String) { quotations(first: 4, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }';
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await read(query, { after });
      expect(data.quotations.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...data.quotations.edges.map((edge: any) => edge.node.id));
      if (!data.quotations.pageInfo.hasNextPage) break;
      after = data.quotations.pageInfo.endCursor;
    }
    expect(seen.length).toBe(curated.length);
    expect(new Set(seen)).toEqual(new Set(curated.map((quotation) => quotation.id)));

    const firstTwo = await read(`{ entity(id: "${KELLY}") { quotations(first: 2) { edges { node { id } } pageInfo { endCursor } } } }`);
    const rest = await read(`query ($after: String) { entity(id: "${KELLY}") { quotations(after: $after) { edges { node { id } } } } }`, {
      after: firstTwo.entity.quotations.pageInfo.endCursor,
    });
    const kellys = [...firstTwo.entity.quotations.edges, ...rest.entity.quotations.edges].map((edge: any) => edge.node.id);
    expect(kellys.sort()).toEqual(curated.filter((quotation) => quotation.speakerId === KELLY).map((quotation) => quotation.id).sort());
  });

  it.each([
    ['{ quotations(first: 101) { totalCount } }', '100'],
    ['{ quotations(first: -1) { totalCount } }', '0'],
    ['{ quotations(after: "not-a-cursor") { totalCount } }', 'cursor'],
    [`{ entity(id: "${KELLY}") { quotations(first: 101) { totalCount } } }`, '100'],
    [`{ entity(id: "${KELLY}") { quotations(after: "djE6") { totalCount } } }`, 'cursor'],
  ])('rejects %s as BAD_USER_INPUT naming %s', async (query, named) => {
    const { body } = await service.graphql(query);
    expect(errorCode(body)).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toContain(named);
  });

  it('finds a quotation by its id through node, and answers null for an unknown one', async () => {
    const id = 'quotation:kelly-you-just-step-over-a-line';
    const data = await read(`query ($id: ID!) { node(id: $id) { __typename id ... on Quotation { text speaker { id } } } unknown: node(id: "quotation:nobody-said-this") { id } }`, { id });
    expect(data.node).toEqual({ __typename: 'Quotation', id, text: 'You just step over a line to get to the United States.', speaker: { id: KELLY } });
    expect(data.unknown).toBeNull();
  });

  it('searches the words of quotations: "grass" finds Kelly', async () => {
    const data = await read('{ quotations(words: "grass") { totalCount edges { node { text speaker { id } } } } }');
    expect(data.quotations.totalCount).toBe(1);
    expect(data.quotations.edges[0].node).toMatchObject({ speaker: { id: KELLY } });
    expect(data.quotations.edges[0].node.text).toContain('one piece of grass to the next piece of grass');
  });

  it('combines words with the other filters, and treats any text as plain words', async () => {
    const both = await read(`{ a: quotations(words: "dangerous", speakerId: "${KELLY}") { totalCount } b: quotations(words: "dangerous") { totalCount } c: quotations(words: "dangerous people OR grass") { totalCount } d: quotations(words: "\\"(* ~") { totalCount } }`);
    expect(both).toEqual({ a: { totalCount: 1 }, b: { totalCount: 2 }, c: { totalCount: 0 }, d: { totalCount: 0 } });
  });

  it('costs a fixed number of Cypher queries for 50 entities with their quotations', async () => {
    const query = (first: number) => `{ entities(first: ${first}) { edges { node { id quotations(first: 5) { totalCount edges { node { id speaker { id } } } } } } } }`;
    const many = await service.graphql(query(50));
    expect(many.body.errors).toBeUndefined();
    expect(Number(many.headers.get('x-cypher-round-trips'))).toBeLessThanOrEqual(2);
  });

  it('keeps quotations out of entities, search, relations, paths and neighbourhoods', async () => {
    const data = await read(`{
      entities(first: 100) { edges { node { id } } }
      search(query: "grass", first: 10) { entity { id } }
      kelly: entity(id: "${KELLY}") { relations(first: 100) { edges { node { from { id } to { id } } } } }
      path(from: "${KELLY}", to: "${ARTICLE_004}") { nodes { id } }
      neighborhood(id: "${KELLY}", depth: 2, limit: 500) { nodes { id } relations { id } }
    }`);
    const ids: string[] = [
      ...data.entities.edges.map((edge: any) => edge.node.id),
      ...data.search.map((hit: any) => hit.entity.id),
      ...data.kelly.relations.edges.flatMap((edge: any) => [edge.node.from.id, edge.node.to.id]),
      ...(data.path?.nodes ?? []).map((node: any) => node.id),
      ...data.neighborhood.nodes.map((node: any) => node.id),
    ];
    expect(ids.filter((id) => id.startsWith('quotation:'))).toEqual([]);
    // Kelly and his article are not two hops apart through a quotation of his.
    if (data.path) expect(data.path.nodes.length).not.toBe(3);
  });
});
