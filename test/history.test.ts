import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { TestData } from './support/test-data';
import { errorCode, startTestService, type TestService } from './support/test-service';

/**
 * Issue 16, writes accounted for: every committed write records who (the key's fingerprint), when,
 * what and the properties before and after, in its own transaction, readable as an entity's
 * history; and the write rules the review found missing (MENTIONS unlinked, a one-letter quote, a
 * self-loop).
 */

const EDITOR_KEY = 'editor-key-for-history-tests-01';
const READER_KEY = 'reader-key-for-history-tests-01';
const editor = { authorization: `Bearer ${EDITOR_KEY}` };
const reader = { authorization: `Bearer ${READER_KEY}` };
/** What a change names as its author: "key:" and the first 12 hex digits of the key's SHA-256, never the key. */
const FINGERPRINT = `key:${createHash('sha256').update(EDITOR_KEY).digest('hex').slice(0, 12)}`;

const ARTICLE = 'article:crossings-from-canada-drop-as-agents-shift-south';
const OTHER_ARTICLE = 'article:migrants-heading-north-into-canada';
const CAUCUS = 'organization:northern-border-security-caucus';
const KELLY_SENTENCE =
  'Representative Mike Kelly (R-PA), co-chair of the Northern Border Security Caucus, expressed concerns about the shift in manpower to the southwest border, which may have created opportunities for potential threats to enter through the northern border.';
const BORDER_SENTENCE = 'Even the most isolated sections of the 5,500-mile U.S.-Canada border are seeing increased migrant traffic.';

const UPSERT = 'mutation ($input: EntityInput!) { upsertEntity(input: $input) { id } }';
const LINK = 'mutation ($input: RelationInput!) { linkEntities(input: $input) { id } }';
const UNLINK = 'mutation ($id: ID!) { unlinkEntities(id: $id) }';
const RECORD = 'mutation ($input: StatisticInput!) { recordStatistic(input: $input) { id } }';
const HISTORY = `query ($id: ID!, $first: Int, $after: String) {
  entity(id: $id) { history(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id at by operation what entityIds before after } } } }
}`;

interface ChangeNode {
  id: string;
  at: string;
  by: string;
  operation: string;
  what: string;
  entityIds: string[];
  before: string | null;
  after: string | null;
}

/** A change as a test compares it: before and after parsed from their JSON. */
const readable = ({ operation, what, by, entityIds, before, after }: ChangeNode) => ({
  operation,
  what,
  by,
  entityIds,
  before: before === null ? null : (JSON.parse(before) as Record<string, unknown>),
  after: after === null ? null : (JSON.parse(after) as Record<string, unknown>),
});

describe('the history of writes', () => {
  let service: TestService;
  const data = new TestData();

  beforeAll(async () => {
    service = await startTestService({ API_KEYS: `editor:${EDITOR_KEY},reader:${READER_KEY}` });
  });
  afterAll(async () => {
    await service.stop();
    await data.cleanUp();
  });

  async function write(query: string, variables: Record<string, unknown>) {
    const { body } = await service.graphql(query, variables, editor);
    expect(body.errors).toBeUndefined();
    return body.data!;
  }

  async function historyOf(id: string, first = 100, after?: string) {
    const { body } = await service.graphql(HISTORY, { id, first, after });
    expect(body.errors).toBeUndefined();
    return body.data!.entity.history as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: ChangeNode }[] };
  }

  // Neo4j's clock stamps each Change, so the window is read from it, and compared as numbers: a stamp
  // on a whole second has no fraction ("…:05Z"), which sorts after "…:05.010Z" as a string.
  async function neo4jNow(): Promise<number> {
    const [row] = await data.query('RETURN datetime().epochMillis AS now');
    return Number(row!.now);
  }

  async function changesOf(what: string): Promise<number> {
    const [row] = await data.query('MATCH (c:Change {what: $what}) RETURN count(c) AS count', { what });
    return Number(row!.count);
  }

  it("records an upsert, an update, a link and an unlink in the entity's history, newest first, with who, when, what and before/after", async () => {
    const startedAt = await neo4jNow();
    const name = data.name('Audited Person');
    const { upsertEntity } = await write(UPSERT, { input: { kind: 'PERSON', name } });
    const id = upsertEntity.id as string;
    await write(UPSERT, { input: { id, kind: 'PERSON', name, description: 'Co-chair, in a test.' } });
    const relationId = (await write(LINK, { input: { type: 'CO_CHAIRS', fromId: id, toId: CAUCUS, evidence: [{ articleId: ARTICLE, quote: KELLY_SENTENCE }] } })).linkEntities.id as string;
    expect(await write(UNLINK, { id: relationId })).toEqual({ unlinkEntities: true });
    const endedAt = await neo4jNow();

    const history = await historyOf(id);
    const evidence = [`${ARTICLE}|${KELLY_SENTENCE}`];
    expect(history.totalCount).toBe(4);
    expect(history.edges.map(({ node }) => readable(node))).toEqual([
      { operation: 'unlinkEntities', what: relationId, by: FINGERPRINT, entityIds: [id, CAUCUS], before: { evidence, id: relationId }, after: null },
      { operation: 'linkEntities', what: relationId, by: FINGERPRINT, entityIds: [id, CAUCUS], before: null, after: { evidence, id: relationId } },
      { operation: 'upsertEntity', what: id, by: FINGERPRINT, entityIds: [id], before: { description: null }, after: { description: 'Co-chair, in a test.' } },
      { operation: 'upsertEntity', what: id, by: FINGERPRINT, entityIds: [id], before: null, after: { aliases: [], id, kind: 'PERSON', name } },
    ]);
    for (const { node } of history.edges) {
      const at = Date.parse(node.at);
      expect(at).toBeGreaterThanOrEqual(startedAt);
      expect(at).toBeLessThanOrEqual(endedAt);
      expect(node.id).toMatch(/^change:[0-9a-f-]{36}$/);
    }
    expect(JSON.stringify(history)).not.toContain(EDITOR_KEY);

    // The seed entity at the other end has the link and the unlink in its history too.
    const caucus = (await historyOf(CAUCUS)).edges.map(({ node }) => node).filter((node) => node.what === relationId);
    expect(caucus.map((node) => node.operation)).toEqual(['unlinkEntities', 'linkEntities']);
  });

  it('pages the history as the other connections page', async () => {
    const id = (await write(UPSERT, { input: { kind: 'PLACE', name: data.name('Paged Place') } })).upsertEntity.id as string;
    for (const description of ['one', 'two', 'three', 'four']) await write(UPSERT, { input: { id, kind: 'PLACE', name: data.name('Paged Place'), description } });

    const first = await historyOf(id, 2);
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await historyOf(id, 2, first.pageInfo.endCursor);
    const third = await historyOf(id, 2, second.pageInfo.endCursor);
    expect(third.pageInfo.hasNextPage).toBe(false);
    const descriptions = [...first.edges, ...second.edges, ...third.edges].map(({ node }) => readable(node).after!.description ?? null);
    expect(descriptions).toEqual(['four', 'three', 'two', 'one', null]);
  });

  it('records nothing for a write that changes nothing, nor for a refused one, which leaves the graph as it was', async () => {
    const input = { kind: 'ORGANIZATION', name: data.name('Steady Agency') };
    const id = (await write(UPSERT, { input })).upsertEntity.id as string;
    await write(UPSERT, { input });
    expect(await changesOf(id)).toBe(1);

    // Refused in the write's transaction, after its names were claimed: the claim and its Change are rolled back.
    const before = await data.snapshot();
    const { body } = await service.graphql(UPSERT, { input: { id, ...input, aliases: ['Mounties'] } }, editor);
    expect(errorCode(body)).toBe('BAD_USER_INPUT');
    expect(await changesOf(id)).toBe(1);
    expect(await data.snapshot()).toEqual(before);
  });

  it('records a statistic with its derived links, and a second source as the link it adds', async () => {
    const placeId = (await write(UPSERT, { input: { kind: 'PLACE', name: data.name('Counted Place') } })).upsertEntity.id as string;
    const input = { measure: 'border length', value: 5500, unit: 'miles', placeIds: [placeId], sourceId: OTHER_ARTICLE, evidence: BORDER_SENTENCE };
    const statisticId = (await write(RECORD, { input })).recordStatistic.id as string;
    const states = `${OTHER_ARTICLE}-[STATES]->${statisticId}`;
    const aboutPlace = `${statisticId}-[ABOUT_PLACE]->${placeId}`;

    const [recorded] = (await historyOf(placeId)).edges.map(({ node }) => readable(node));
    expect(recorded).toMatchObject({ operation: 'recordStatistic', what: statisticId, before: null });
    expect(recorded!.entityIds.sort()).toEqual([OTHER_ARTICLE, placeId, statisticId].sort());
    expect(recorded!.after).toMatchObject({
      value: 5500,
      measure: 'border length',
      sourceId: OTHER_ARTICLE,
      links: { [states]: [`${OTHER_ARTICLE}|${BORDER_SENTENCE}`], [aboutPlace]: [`${OTHER_ARTICLE}|${BORDER_SENTENCE}`] },
    });

    // The same facts stated by another article: the statistic is unchanged, its links gain that source.
    const northern = 'The northern border is the largest land border in the world, spanning more than 5,500 miles of wilderness and largely unguarded territory outside of official border-crossing points.';
    expect((await write(RECORD, { input: { ...input, sourceId: ARTICLE, evidence: northern } })).recordStatistic.id).toBe(statisticId);
    const statedAgain = `${ARTICLE}-[STATES]->${statisticId}`;
    const [added] = (await historyOf(statisticId)).edges.map(({ node }) => readable(node));
    expect(added).toEqual({
      operation: 'recordStatistic',
      what: statisticId,
      by: FINGERPRINT,
      entityIds: [statisticId, ARTICLE, placeId],
      before: { links: { [statedAgain]: null, [aboutPlace]: [`${OTHER_ARTICLE}|${BORDER_SENTENCE}`] } },
      after: { links: { [statedAgain]: [`${ARTICLE}|${northern}`], [aboutPlace]: [`${OTHER_ARTICLE}|${BORDER_SENTENCE}`, `${ARTICLE}|${northern}`] } },
    });
    expect((await historyOf(statisticId)).totalCount).toBe(2);
  });

  it('records the article ingestArticle stores, and the facts reviewProposals accepts, under the key that wrote them', async () => {
    const text = `Border Patrol agents in the Swanton Sector apprehended 1,240 people in January, according to data from U.S. Customs and Border Protection.\nFiled as story ${data.token}.`;
    const { ingestArticle } = await write('mutation ($input: ArticleInput!) { ingestArticle(input: $input) { article { id } proposals { id kind statistic { value } } } }', {
      input: { text, title: data.name('Audited crossings'), publishedOn: '2025-03-02' },
    });
    const articleId = ingestArticle.article.id as string;
    const [stored] = (await historyOf(articleId)).edges.map(({ node }) => readable(node));
    expect(stored).toMatchObject({ operation: 'ingestArticle', what: articleId, by: FINGERPRINT, before: null, after: { id: articleId, title: data.name('Audited crossings') } });
    // The text stays in the article: its content hash names it.
    expect(stored!.after).not.toHaveProperty('text');
    expect(stored!.after).toHaveProperty('contentHash');

    const proposal = (ingestArticle.proposals as { id: string; kind: string; statistic: { value: number } | null }[]).find((candidate) => candidate.statistic?.value === 1240)!;
    const { reviewProposals } = await write('mutation ($decisions: [ProposalDecision!]!) { reviewProposals(decisions: $decisions) { statistic { id } } }', {
      decisions: [{ id: proposal.id, accept: true }],
    });
    const statisticId = reviewProposals[0].statistic.id as string;
    const [accepted] = (await historyOf(statisticId)).edges.map(({ node }) => readable(node));
    expect(accepted).toMatchObject({ operation: 'reviewProposals', what: statisticId, by: FINGERPRINT, before: null, after: { value: 1240, originProvenanceKind: 'EXTRACTED' } });
    expect((await historyOf(articleId)).edges.map(({ node }) => node.operation)).toEqual(['reviewProposals', 'ingestArticle']);
  });

  it('lists every change since a time for an editor, and refuses a reader', async () => {
    const since = new Date().toISOString();
    const id = (await write(UPSERT, { input: { kind: 'EVENT', name: data.name('Logged Event') } })).upsertEntity.id as string;
    const CHANGES = 'query ($since: String) { changes(since: $since, first: 100) { totalCount edges { node { what operation by } } } }';

    const { body } = await service.graphql(CHANGES, { since }, editor);
    expect(body.errors).toBeUndefined();
    expect(body.data!.changes.edges.map(({ node }: { node: { what: string } }) => node)).toContainEqual({ what: id, operation: 'upsertEntity', by: FINGERPRINT });
    expect(errorCode((await service.graphql(CHANGES, { since }, reader)).body)).toBe('FORBIDDEN');
    expect(errorCode((await service.graphql(CHANGES, { since: '2025-02-30' }, editor)).body)).toBe('BAD_USER_INPUT');
    expect(errorCode((await service.graphql(CHANGES, { since: '2025-03-02T09:00:00' }, editor)).body)).toBe('BAD_USER_INPUT');
  });
});

describe('the rules of links and evidence', () => {
  let service: TestService;
  const data = new TestData();

  beforeAll(async () => {
    service = await startTestService({ API_KEYS: `editor:${EDITOR_KEY}` });
  });
  afterAll(async () => {
    await service.stop();
    await data.cleanUp();
  });

  it('refuses to unlink a MENTIONS link, which is derived from the sentences, and keeps it', async () => {
    const mention = `${ARTICLE}-[MENTIONS]->organization:royal-canadian-mounted-police`;
    const count = () => data.query('MATCH (:Entity {id: $article})-[m:MENTIONS]->(:Entity {id: "organization:royal-canadian-mounted-police"}) RETURN count(m) AS count', { article: ARTICLE });
    const [before] = await count();
    expect(Number(before!.count)).toBeGreaterThan(0);

    const { body } = await service.graphql(UNLINK, { id: mention }, editor);
    expect(errorCode(body)).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.extensions).toMatchObject({ field: 'id', reason: 'DERIVED_RELATION' });
    expect(body.errors![0]!.message).toContain('MENTIONS links are derived');
    expect(await count()).toEqual([before]);
    expect(await data.query('MATCH (c:Change {what: $mention}) RETURN c', { mention })).toEqual([]);
  });

  it.each([
    ['linkEntities', LINK, () => ({ type: 'PART_OF', fromId: 'place:british-columbia', toId: 'place:canada', evidence: [{ articleId: ARTICLE, quote: 'a' }] }), 'input.evidence[0].quote'],
    ['recordStatistic', RECORD, () => ({ measure: 'border length', value: 5500, unit: 'miles', sourceId: ARTICLE, evidence: 'a' }), 'input.quote'],
  ])('refuses the quote "a" in %s: evidence is at least a clause', async (_mutation, query, input, field) => {
    const referenced = { ids: ['place:british-columbia', 'place:canada'] };
    const before = await data.snapshot(referenced);
    const { body } = await service.graphql(query, { input: input() }, editor);
    expect(errorCode(body)).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.extensions).toMatchObject({ field, reason: 'QUOTE_TOO_SHORT' });
    expect(body.errors![0]!.message).toContain('at least a clause: 3 words and 12 characters');
    expect(await data.snapshot(referenced)).toEqual(before);
  });

  it('refuses Canada BORDERS Canada: no relation type gives a self-loop a meaning', async () => {
    const referenced = { ids: ['place:canada'] };
    const before = await data.snapshot(referenced);
    const { body } = await service.graphql(LINK, { input: { type: 'BORDERS', fromId: 'place:canada', toId: 'place:canada', evidence: [{ articleId: OTHER_ARTICLE, quote: BORDER_SENTENCE }] } }, editor);
    expect(errorCode(body)).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.extensions).toMatchObject({ field: 'input.toId', reason: 'SELF_LOOP' });
    expect(await data.snapshot(referenced)).toEqual(before);
    expect(await data.query("MATCH (c:Entity {id: 'place:canada'})-[r:BORDERS]->(c) RETURN r")).toEqual([]);
  });
});
