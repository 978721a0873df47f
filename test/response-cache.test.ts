import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger } from '../src/config/logger';
import { createDriver, Neo4jExecutor } from '../src/neo4j/neo4j-executor';
import { testConnection } from './support/test-database';
import { TestData } from './support/test-data';
import { errorCode, startTestService, type GraphQLResponse, type TestService } from './support/test-service';

const EDITOR_KEY = 'editor-key-for-response-cache-01';
const READER_KEY = 'reader-key-for-response-cache-01';
const editor = { authorization: `Bearer ${EDITOR_KEY}` };
const reader = { authorization: `Bearer ${READER_KEY}` };

const cacheOf = (response: GraphQLResponse) => response.headers.get('x-response-cache');
const roundTripsOf = (response: GraphQLResponse) => Number(response.headers.get('x-cypher-round-trips'));
const usedOf = (response: GraphQLResponse) => Number(response.headers.get('x-ratelimit-used'));

/** A sample of Prometheus' text format by name (the cache's metrics have no labels but one). */
async function metric(service: TestService, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${service.baseUrl}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}${labels} `));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('the executor tells of every write it ends (onWriteEnded)', () => {
  const options = testConnection();
  const driver = createDriver(options);
  let told = 0;
  const executor = new Neo4jExecutor(driver, { ...options, onWriteEnded: () => told++ }, createLogger('silent'));
  afterAll(async () => {
    await driver.close();
  });

  it('after each write has committed, before its caller has the answer', async () => {
    const before = told;
    await executor.write('RETURN 1 AS one');
    expect(told).toBe(before + 1);
    await executor.writeTransaction(async (tx) => {
      await tx.run('RETURN 1 AS one');
      await tx.run('RETURN 2 AS two');
      // Nothing is told while the transaction is open.
      expect(told).toBe(before + 1);
    });
    expect(told).toBe(before + 2);
    await executor.runAutoCommit('RETURN 1 AS one');
    expect(told).toBe(before + 3);
  });

  it('after a write that failed too: a failure may hide a commit', async () => {
    const before = told;
    await expect(executor.write('THIS IS NOT CYPHER')).rejects.toThrow();
    expect(told).toBe(before + 1);
    await expect(executor.writeTransaction(async () => Promise.reject(new Error('the work gave up')))).rejects.toThrow('the work gave up');
    expect(told).toBe(before + 2);
  });

  it('never for a read', async () => {
    const before = told;
    await executor.read('RETURN 1 AS one');
    await executor.readStreaming(async (tx) => {
      for await (const record of tx.stream('UNWIND range(1, 3) AS n RETURN n')) expect(record.get('n')).toBeGreaterThan(0);
    }, 10_000);
    expect(told).toBe(before);
  });
});

/**
 * Needs the cache wired in the composition root: createResponseCache in src/app/app.ts, its
 * invalidate as the executor's onWriteEnded and its plugin among Apollo Server's.
 */
describe('the response cache (RESPONSE_CACHE_ENABLED=true)', () => {
  let service: TestService;
  const data = new TestData();

  beforeAll(async () => {
    service = await startTestService({ RESPONSE_CACHE_ENABLED: 'true', API_KEYS: `editor:${EDITOR_KEY},reader:${READER_KEY}` });
    if (cacheOf(await service.graphql('query CacheWired { __typename }')) === null) {
      throw new Error('The response cache is not wired: createResponseCache in src/app/app.ts, its plugin in src/http/server.ts');
    }
  });
  afterAll(async () => {
    await service.stop();
    await data.cleanUp();
  });

  it('answers a second identical read from the cache: the same answer and headers, no Cypher round trip, charged as the first', async () => {
    const query = 'query CachedCanada($id: ID!) { entity(id: $id) { id name kind } }';
    const first = await service.graphql(query, { id: 'place:canada' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ data: { entity: { id: 'place:canada', name: 'Canada', kind: 'PLACE' } } });
    expect(cacheOf(first)).toBe('miss');
    expect(roundTripsOf(first)).toBeGreaterThan(0);

    const second = await service.graphql(query, { id: 'place:canada' });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(cacheOf(second)).toBe('hit');
    expect(roundTripsOf(second)).toBe(0);
    // Every header a miss has, a hit has: security, no-store, request id, fair use.
    const names = (response: GraphQLResponse) => [...response.headers.keys()].sort();
    expect(names(second)).toEqual(names(first));
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    // Fair use charges a hit its cost, as a miss.
    const third = await service.graphql(query, { id: 'place:canada' });
    expect(usedOf(third) - usedOf(second)).toBe(usedOf(second) - usedOf(first));
    expect(usedOf(third)).toBeGreaterThan(usedOf(second));
  });

  it('hits for the same variables sent in another order', async () => {
    const query = 'query CachedOrder($id: ID!, $first: Int!) { entity(id: $id) { name relations(first: $first) { totalCount } } }';
    const first = await service.graphql(query, { id: 'place:canada', first: 3 });
    const reordered = await service.graphql(query, { first: 3, id: 'place:canada' });
    expect([cacheOf(first), cacheOf(reordered)]).toEqual(['miss', 'hit']);
    expect(reordered.body).toEqual(first.body);
    expect(cacheOf(await service.graphql(query, { id: 'place:canada', first: 4 }))).toBe('miss');
  });

  it('after a write through a mutation, answers the next read afresh', async () => {
    const name = data.name('Cached Person');
    const upsert = 'mutation CacheUpsert($input: EntityInput!) { upsertEntity(input: $input) { id description } }';
    const created = await service.graphql<{ upsertEntity: { id: string } }>(upsert, { input: { kind: 'PERSON', name, description: 'Before the write.' } }, editor);
    expect(created.body.errors).toBeUndefined();
    expect(cacheOf(created)).toBeNull();
    const id = created.body.data!.upsertEntity.id;

    const read = 'query CachedPerson($id: ID!) { entity(id: $id) { id description } }';
    expect(cacheOf(await service.graphql(read, { id }))).toBe('miss');
    const cached = await service.graphql(read, { id });
    expect(cacheOf(cached)).toBe('hit');
    expect(cached.body.data).toEqual({ entity: { id, description: 'Before the write.' } });

    const invalidationsBefore = await metric(service, 'borderkg_response_cache_invalidations_total');
    const updated = await service.graphql(upsert, { input: { id, kind: 'PERSON', name, description: 'After the write.' } }, editor);
    expect(updated.body.errors).toBeUndefined();
    expect(await metric(service, 'borderkg_response_cache_invalidations_total')).toBeGreaterThan(invalidationsBefore);

    const fresh = await service.graphql(read, { id });
    expect(cacheOf(fresh)).toBe('miss');
    expect(roundTripsOf(fresh)).toBeGreaterThan(0);
    expect(fresh.body.data).toEqual({ entity: { id, description: 'After the write.' } });
    const again = await service.graphql(read, { id });
    expect(cacheOf(again)).toBe('hit');
    expect(again.body.data).toEqual({ entity: { id, description: 'After the write.' } });
  });

  it('never shares an answer between roles, and checks credentials before it answers', async () => {
    const query = 'query CachedByRole { entity(id: "place:canada") { name } }';
    for (const headers of [{}, reader, editor]) expect(cacheOf(await service.graphql(query, {}, headers))).toBe('miss');
    for (const headers of [{}, reader, editor]) expect(cacheOf(await service.graphql(query, {}, headers))).toBe('hit');

    const unknownKey = await service.graphql(query, {}, { authorization: 'Bearer not-a-key-of-this-service' });
    expect(unknownKey.status).toBe(401);
    expect(errorCode(unknownKey.body)).toBe('UNAUTHENTICATED');
    expect(unknownKey.body.data).toBeUndefined();
    expect(cacheOf(unknownKey)).toBeNull();
  });

  it('does not keep answers with errors, even beside data', async () => {
    const query = `query CachedPartly {
      ok: entity(id: "place:canada") { name }
      bad: entity(id: "place:canada") { relations(first: 101) { totalCount } }
    }`;
    const storesBefore = await metric(service, 'borderkg_response_cache_stores_total');
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await service.graphql(query);
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ ok: { name: 'Canada' }, bad: null });
      expect(errorCode(answer.body)).toBe('BAD_USER_INPUT');
      expect(cacheOf(answer)).toBe('miss');
      expect(roundTripsOf(answer)).toBeGreaterThan(0);
    }
    expect(await metric(service, 'borderkg_response_cache_stores_total')).toBe(storesBefore);
  });

  it('reports its hits, misses, stores and size in /metrics', async () => {
    const names = ['hits', 'misses', 'stores'].map((name) => `borderkg_response_cache_${name}_total`);
    const before = await Promise.all(names.map((name) => metric(service, name)));
    const query = 'query CachedForMetrics { entity(id: "place:canada") { id } }';
    await service.graphql(query);
    await service.graphql(query);
    const after = await Promise.all(names.map((name) => metric(service, name)));
    expect(after.map((value, index) => value - before[index]!)).toEqual([1, 1, 1]);
    expect(await metric(service, 'borderkg_response_cache_entries')).toBeGreaterThanOrEqual(1);
    expect(await metric(service, 'borderkg_response_cache_bytes')).toBeGreaterThan(0);
  });
});

describe('the response cache, off (the default)', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  it('runs every read, and says nothing of a cache', async () => {
    const query = 'query UncachedCanada { entity(id: "place:canada") { name } }';
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await service.graphql(query);
      expect(cacheOf(answer)).toBeNull();
      expect(roundTripsOf(answer)).toBeGreaterThan(0);
    }
  });
});
