import { afterEach, describe, expect, it } from '@jest/globals';
import { ApolloServer, type GraphQLResponse } from '@apollo/server';
import { createLogger } from '../../../config/logger';
import { UnauthenticatedError } from '../../../errors';
import { RequestTrace } from '../../../neo4j/neo4j-executor';
import type { Viewer } from '../../auth/viewer';
import type { RequestContext } from '../../context';
import { createResponseCache, type ResponseCacheEvent, type ResponseCacheRecorder, type ResponseCacheSettings, type ResponseCacheSizes } from './response-cache.plugin';

const typeDefs = `#graphql
  input Filter { kind: String, names: [String!] }
  type Query {
    value(name: String!, filter: Filter): String
    slow: String
    broken: String
  }
  type Mutation { setValue(name: String!, value: String!): String }
`;

const SETTINGS: ResponseCacheSettings = { enabled: true, maxBytes: 1_000_000, maxEntries: 1_000, maxAgeSeconds: 0 };

class Recorder implements ResponseCacheRecorder {
  events: ResponseCacheEvent[] = [];
  sizes?: () => ResponseCacheSizes;
  recordResponseCache(event: ResponseCacheEvent): void {
    this.events.push(event);
  }
  watchResponseCache(sizes: () => ResponseCacheSizes): void {
    this.sizes = sizes;
  }
}

interface Answer {
  data: Record<string, unknown> | null | undefined;
  errors: readonly unknown[] | undefined;
  cache: string | undefined;
}

/** A graph of named values: resolvers count their calls, `slow` waits until released. */
function harness(settings: ResponseCacheSettings = SETTINGS) {
  const values = new Map<string, string>([['a', 'one']]);
  const calls = { value: 0, slow: 0 };
  let release: () => void = () => undefined;
  let slowStarted: () => void = () => undefined;
  const recorder = new Recorder();
  const cache = createResponseCache(settings, recorder);
  const server = new ApolloServer<RequestContext>({
    typeDefs,
    resolvers: {
      Query: {
        value: (_root: unknown, { name, filter }: { name: string; filter?: { kind?: string } }) => {
          calls.value++;
          return `${values.get(name) ?? 'none'}${filter?.kind ? `/${filter.kind}` : ''}`;
        },
        slow: async () => {
          calls.slow++;
          const before = values.get('a');
          slowStarted();
          await new Promise<void>((resolve) => (release = resolve));
          return before;
        },
        broken: () => {
          throw new Error('broken on purpose');
        },
      },
      Mutation: {
        setValue: (_root: unknown, { name, value }: { name: string; value: string }) => {
          values.set(name, value);
          // What the executor does after a write's commit.
          cache.invalidate();
          return value;
        },
      },
    },
    plugins: [cache.plugin],
  });
  const log = createLogger('silent');
  const run = async (query: string, variables?: Record<string, unknown>, viewer: Viewer = { role: 'anonymous' }): Promise<Answer> => {
    const context: RequestContext = { requestId: 'r', log, viewer, clientAddress: '192.0.2.1', trace: new RequestTrace('r') };
    const response: GraphQLResponse = await server.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('expected a single answer');
    const { data, errors } = response.body.singleResult;
    return { data, errors, cache: response.http.headers.get('x-response-cache') };
  };
  return {
    server,
    cache,
    values,
    calls,
    recorder,
    run,
    release: () => release(),
    slowStarted: () => new Promise<void>((resolve) => (slowStarted = resolve)),
  };
}

const VALUE = 'query Value($name: String!, $filter: Filter) { value(name: $name, filter: $filter) }';

describe('the response cache plugin', () => {
  let current: ReturnType<typeof harness> | undefined;
  const start = async (settings?: ResponseCacheSettings) => {
    current = harness(settings);
    await current.server.start();
    return current;
  };
  afterEach(async () => {
    await current?.server.stop();
    current = undefined;
  });

  it('answers a second identical query from the cache, without running a resolver', async () => {
    const { run, calls, recorder } = await start();
    expect(await run(VALUE, { name: 'a' })).toEqual({ data: { value: 'one' }, errors: undefined, cache: 'miss' });
    expect(await run(VALUE, { name: 'a' })).toEqual({ data: { value: 'one' }, errors: undefined, cache: 'hit' });
    expect(calls.value).toBe(1);
    expect(recorder.events).toEqual(['miss', 'stored', 'hit']);
    expect(recorder.sizes?.()).toEqual({ entries: 1, bytes: expect.any(Number) });
  });

  it('hits whatever the order of the variables, at any depth', async () => {
    const { run, calls } = await start();
    await run(VALUE, { name: 'a', filter: { kind: 'PLACE', names: ['x', 'y'] } });
    const again = await run(VALUE, { filter: { names: ['x', 'y'], kind: 'PLACE' }, name: 'a' });
    expect(again).toEqual({ data: { value: 'one/PLACE' }, errors: undefined, cache: 'hit' });
    expect((await run(VALUE, { name: 'a', filter: { kind: 'PLACE', names: ['y', 'x'] } })).cache).toBe('miss');
    expect(calls.value).toBe(2);
  });

  it('keeps the answers of each role apart', async () => {
    const { run, calls } = await start();
    const viewers: Viewer[] = [{ role: 'anonymous' }, { role: 'reader', keyId: 'key:111111111111' }, { role: 'editor', keyId: 'key:222222222222' }];
    for (const viewer of viewers) expect((await run(VALUE, { name: 'a' }, viewer)).cache).toBe('miss');
    for (const viewer of viewers) expect((await run(VALUE, { name: 'a' }, viewer)).cache).toBe('hit');
    // Another key of a role shares its role's answers: the key is not part of the key.
    expect((await run(VALUE, { name: 'a' }, { role: 'reader', keyId: 'key:333333333333' })).cache).toBe('hit');
    expect(calls.value).toBe(3);
  });

  it('never answers from the cache for a viewer whose credentials failed', async () => {
    const { run, calls } = await start();
    await run(VALUE, { name: 'a' });
    const answer = await run(VALUE, { name: 'a' }, { role: 'anonymous', credentialError: new UnauthenticatedError('Unknown API key') });
    expect(answer.cache).toBeUndefined();
    expect(calls.value).toBe(2);
  });

  it('serves nothing read before a write once the write has ended', async () => {
    const { run, calls, recorder } = await start();
    await run(VALUE, { name: 'a' });
    const written = await run('mutation { setValue(name: "a", value: "two") }', undefined, { role: 'editor' });
    expect(written).toEqual({ data: { setValue: 'two' }, errors: undefined, cache: undefined });
    expect(await run(VALUE, { name: 'a' })).toEqual({ data: { value: 'two' }, errors: undefined, cache: 'miss' });
    expect(await run(VALUE, { name: 'a' })).toEqual({ data: { value: 'two' }, errors: undefined, cache: 'hit' });
    expect(calls.value).toBe(2);
    expect(recorder.events).toEqual(['miss', 'stored', 'invalidation', 'miss', 'stored', 'hit']);
  });

  it('never caches mutations', async () => {
    const { run, values } = await start();
    const mutation = 'mutation Set($value: String!) { setValue(name: "b", value: $value) }';
    for (const value of ['x', 'x']) expect((await run(mutation, { value }, { role: 'editor' })).cache).toBeUndefined();
    values.delete('b');
    await run(mutation, { value: 'x' }, { role: 'editor' });
    expect(values.get('b')).toBe('x');
  });

  it('does not keep an answer with errors, even with data beside them', async () => {
    const { run, calls, recorder } = await start();
    const query = 'query Partly { value(name: "a") broken }';
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await run(query);
      expect(answer.data).toEqual({ value: 'one', broken: null });
      expect(answer.errors).toHaveLength(1);
      expect(answer.cache).toBe('miss');
    }
    expect(calls.value).toBe(2);
    expect(recorder.events).toEqual(['miss', 'miss']);
  });

  it('does not keep the answer of a read that a write overtook, lest it be served as of after the write', async () => {
    const { run, calls, values, cache, recorder, release, slowStarted } = await start();
    const started = slowStarted();
    const reading = run('{ slow }');
    await started;
    // The write commits while the read is under way; the read has seen the graph before it.
    values.set('a', 'two');
    cache.invalidate();
    release();
    expect(await reading).toEqual({ data: { slow: 'one' }, errors: undefined, cache: 'miss' });
    expect(recorder.events).toEqual(['miss', 'invalidation', 'stale']);

    const nextStarted = slowStarted();
    const next = run('{ slow }');
    await nextStarted;
    release();
    expect(await next).toEqual({ data: { slow: 'two' }, errors: undefined, cache: 'miss' });
    expect(await run('{ slow }')).toEqual({ data: { slow: 'two' }, errors: undefined, cache: 'hit' });
    expect(calls.slow).toBe(2);
  });

  it('parses each hit afresh: what one request does to its answer cannot reach the next', async () => {
    const { run } = await start();
    await run(VALUE, { name: 'a' });
    const first = await run(VALUE, { name: 'a' });
    (first.data as Record<string, unknown>).value = 'tampered';
    expect((await run(VALUE, { name: 'a' })).data).toEqual({ value: 'one' });
  });

  it('does nothing when it is off', async () => {
    const { run, calls, recorder, cache } = await start({ ...SETTINGS, enabled: false });
    for (let attempt = 0; attempt < 2; attempt++) expect((await run(VALUE, { name: 'a' })).cache).toBeUndefined();
    cache.invalidate();
    expect(calls.value).toBe(2);
    expect(recorder.events).toEqual([]);
    expect(recorder.sizes).toBeUndefined();
  });
});
