import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SearchRepository } from '../src/search';
import { TestData } from './support/test-data';
import { errorCode, startTestService, type GraphQLResponse, type TestService } from './support/test-service';

const EDITOR_KEY = 'editor-key-for-fair-use-01';
const OTHER_EDITOR_KEY = 'editor-key-for-fair-use-02';
const READER_KEY = 'reader-key-for-fair-use-01';
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

const LIGHT = '{ entity(name: "RCMP") { id } }';
/** Costs 1 + 10 × its hit's selection: the same every time, and more than LIGHT. */
const PAGE = '{ entities(first: 10) { edges { node { id name kind } } } }';

const budgetHeaders = (response: GraphQLResponse) => ({
  limit: Number(response.headers.get('x-ratelimit-limit')),
  remaining: Number(response.headers.get('x-ratelimit-remaining')),
  used: Number(response.headers.get('x-ratelimit-used')),
  reset: Number(response.headers.get('x-ratelimit-reset')),
  resource: response.headers.get('x-ratelimit-resource'),
});

describe('the query cost budget', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ API_KEYS: `reader:${READER_KEY}`, FAIR_USE_COST_BUDGET: '100', FAIR_USE_WINDOW_SECONDS: '600' });
  });
  afterAll(async () => {
    await service.stop();
  });

  it('reports the budget in X-RateLimit-* headers, less by each operation’s cost', async () => {
    const first = await service.graphql(LIGHT, undefined, bearer(READER_KEY));
    const second = await service.graphql(LIGHT, undefined, bearer(READER_KEY));
    expect(first.body.errors).toBeUndefined();
    const before = budgetHeaders(first);
    const after = budgetHeaders(second);
    expect(before).toMatchObject({ limit: 100, resource: 'cost' });
    expect(before.used).toBeGreaterThan(0);
    expect(before.remaining).toBe(100 - before.used);
    expect(after.used).toBe(2 * before.used);
    expect(after.remaining).toBe(before.remaining - before.used);
    // The window (600 s) started with the first charge; Reset is when it ends, in epoch seconds.
    expect(before.reset).toBeGreaterThan(Date.now() / 1000 + 500);
    expect(after.reset).toBe(before.reset);
  });

  it('refuses an operation the rest of the budget cannot pay for with 429, Retry-After and RATE_LIMITED, and runs nothing of it', async () => {
    const charged = await service.graphql(PAGE);
    expect(charged.body.errors).toBeUndefined();
    const cost = budgetHeaders(charged).used;
    expect(cost).toBeGreaterThan(33);

    let refused = await service.graphql(PAGE);
    if (refused.status === 200) refused = await service.graphql(PAGE);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(errorCode(refused.body)).toBe('RATE_LIMITED');
    expect(refused.body.data).toBeUndefined();
    const { remaining } = budgetHeaders(refused);
    expect(refused.body.errors![0]!.extensions).toEqual({
      code: 'RATE_LIMITED',
      resource: 'cost',
      limit: 100,
      remaining,
      requested: cost,
      retryAfterSeconds: Number(refused.headers.get('retry-after')),
    });
    expect(refused.body.errors![0]!.message).toMatch(/^Rate limit exceeded: This operation costs \d+ points; \d+ of your 100 points per 600 s remain\. Retry after \d+ s\.$/);

    // A refused operation costs nothing: what is left still pays for a cheaper one.
    const cheap = await service.graphql(LIGHT);
    expect(cheap.status).toBe(200);
    expect(budgetHeaders(cheap).remaining).toBeLessThan(remaining);
  });

  it('keeps the budget of each client: another key is not refused for what anonymous clients spent', async () => {
    const anonymous = await service.graphql(PAGE);
    expect(anonymous.status).toBe(429);
    const withKey = await service.graphql(LIGHT, undefined, bearer(READER_KEY));
    expect(withKey.status).toBe(200);
    expect(withKey.body.errors).toBeUndefined();
  });
});

describe('the write budget of an editor key', () => {
  let service: TestService;
  const data = new TestData();
  beforeAll(async () => {
    service = await startTestService({
      API_KEYS: `editor:${EDITOR_KEY},editor:${OTHER_EDITOR_KEY}`,
      FAIR_USE_WRITE_BUDGET: '3',
      FAIR_USE_WINDOW_SECONDS: '600',
    });
  });
  afterAll(async () => {
    await service.stop();
    await data.cleanUp();
  });

  /** One mutation with a write per name (aliases): each counts. */
  const upsertAll = (key: string, names: string[]) =>
    service.graphql(
      `mutation { ${names.map((name, index) => `w${index}: upsertEntity(input: { kind: PLACE, name: ${JSON.stringify(name)} }) { id }`).join(' ')} }`,
      undefined,
      bearer(key),
    );
  const exists = async (name: string) => (await data.query('MATCH (n:Entity {name: $name}) RETURN n.id AS id', { name })).length > 0;

  it('counts each mutation field, refuses the writes past the budget with 429 RATE_LIMITED and writes none of them', async () => {
    const written = await upsertAll(EDITOR_KEY, [data.name('Budgeted Crossing A'), data.name('Budgeted Crossing B')]);
    expect(written.body.errors).toBeUndefined();
    expect(budgetHeaders(written)).toMatchObject({ resource: 'writes', limit: 3, used: 2, remaining: 1 });

    const over = [data.name('Budgeted Crossing C'), data.name('Budgeted Crossing D')];
    const refused = await upsertAll(EDITOR_KEY, over);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', resource: 'writes', limit: 3, remaining: 1, requested: 2 });
    expect(await exists(over[0]!)).toBe(false);
    expect(await exists(over[1]!)).toBe(false);

    // The last write of the window still fits; then the key's budget is spent.
    expect((await upsertAll(EDITOR_KEY, [over[0]!])).body.errors).toBeUndefined();
    expect((await upsertAll(EDITOR_KEY, [over[1]!])).status).toBe(429);
  });

  it('is the key’s own: another editor key writes, and the spent key still reads', async () => {
    const other = await upsertAll(OTHER_EDITOR_KEY, [data.name('Budgeted Crossing E')]);
    expect(other.body.errors).toBeUndefined();
    expect(budgetHeaders(other)).toMatchObject({ resource: 'writes', used: 1, remaining: 2 });

    const read = await service.graphql(LIGHT, undefined, bearer(EDITOR_KEY));
    expect(read.status).toBe(200);
    expect(budgetHeaders(read).resource).toBe('cost');
  });
});

describe('the bound on concurrent heavy operations', () => {
  /** Heavy: a search of 10 hits costs more than 20; LIGHT costs 2. */
  const HEAVY = '{ search(query: "Mounties", first: 10) { entity { id name } } }';
  let release: () => void = () => {};
  let searching: Promise<void>;

  /** Holds every search in the repository until release(), so that a heavy operation holds its slot for as long as the test needs. */
  function holdSearches() {
    const original = SearchRepository.prototype.search;
    let started!: () => void;
    searching = new Promise((resolve) => (started = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    jest.spyOn(SearchRepository.prototype, 'search').mockImplementation(async function (this: SearchRepository, ...args) {
      started();
      await released;
      return original.apply(this, args);
    });
  }

  afterEach(() => {
    release();
    jest.restoreAllMocks();
  });

  async function heavyOperations(service: TestService): Promise<{ running: number; queued: number }> {
    const text = await (await fetch(`${service.baseUrl}/metrics`)).text();
    const gauge = (state: string) => Number(new RegExp(`^borderkg_heavy_operations\\{state="${state}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
    return { running: gauge('running'), queued: gauge('queued') };
  }

  async function until(service: TestService, expected: { running: number; queued: number }) {
    for (let attempt = 0; attempt < 200; attempt++) {
      if (JSON.stringify(await heavyOperations(service)) === JSON.stringify(expected)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await heavyOperations(service)).toEqual(expected);
  }

  it('runs one heavy operation at a time, queues the next, refuses one past the queue with 503 SERVER_BUSY, and answers light ones meanwhile', async () => {
    const service = await startTestService({ FAIR_USE_HEAVY_COST: '20', FAIR_USE_HEAVY_CONCURRENCY: '1', FAIR_USE_HEAVY_QUEUE: '1', FAIR_USE_HEAVY_QUEUE_TIMEOUT_MS: '60000' });
    try {
      holdSearches();
      const running = service.graphql(HEAVY);
      await searching;
      await until(service, { running: 1, queued: 0 });
      const queued = service.graphql(HEAVY);
      await until(service, { running: 1, queued: 1 });

      const refused = await service.graphql(HEAVY);
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBe(60);
      expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'SERVER_BUSY', reason: 'QUEUE_FULL', heavyCost: 20 });
      const cost = refused.body.errors![0]!.extensions!.cost as number;
      expect(cost).toBeGreaterThanOrEqual(20);
      // Only the running and the queued operation are charged: a refused one costs nothing.
      expect(budgetHeaders(refused).used).toBe(2 * cost);

      const light = await service.graphql(LIGHT);
      expect(light.body).toEqual({ data: { entity: { id: 'organization:royal-canadian-mounted-police' } } });

      release();
      for (const answer of await Promise.all([running, queued])) {
        expect(answer.status).toBe(200);
        expect(answer.body.errors).toBeUndefined();
      }
      await until(service, { running: 0, queued: 0 });
    } finally {
      await service.stop();
    }
  });

  it('refuses a heavy operation that waited longer than FAIR_USE_HEAVY_QUEUE_TIMEOUT_MS with 503 SERVER_BUSY', async () => {
    const service = await startTestService({ FAIR_USE_HEAVY_COST: '20', FAIR_USE_HEAVY_CONCURRENCY: '1', FAIR_USE_HEAVY_QUEUE_TIMEOUT_MS: '200' });
    try {
      holdSearches();
      const running = service.graphql(HEAVY);
      await searching;
      const late = await service.graphql(HEAVY);
      expect(late.status).toBe(503);
      expect(late.body.errors![0]!.extensions).toMatchObject({ code: 'SERVER_BUSY', reason: 'QUEUE_TIMEOUT' });
      release();
      expect((await running).status).toBe(200);
      await until(service, { running: 0, queued: 0 });
    } finally {
      await service.stop();
    }
  });
});
