import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the local Neo4j and port 4000', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.localNeo4j.boltPort).toBe(7687);
  });

  it('reads the query limits, with batched requests off unless configured', () => {
    expect(loadConfig({}).limits.allowBatchedRequests).toBe(false);
    const limits = loadConfig({
      MAX_QUERY_DEPTH: '5',
      MAX_ALIASES: '6',
      MAX_TOKENS: '700',
      MAX_DIRECTIVES: '8',
      MAX_QUERY_COST: '900',
      ALLOW_BATCHED_REQUESTS: 'true',
    }).limits;
    expect(limits).toEqual({ maxDepth: 5, maxAliases: 6, maxTokens: 700, maxDirectives: 8, maxCost: 900, allowBatchedRequests: true });
  });

  it('keeps the response cache off unless configured, and reads its bounds', () => {
    expect(loadConfig({}).responseCache).toEqual({ enabled: false, maxBytes: 64 * 1024 * 1024, maxEntries: 10_000, maxAgeSeconds: 60 });
    const responseCache = loadConfig({
      RESPONSE_CACHE_ENABLED: 'true',
      RESPONSE_CACHE_MAX_BYTES: '1000000',
      RESPONSE_CACHE_MAX_ENTRIES: '500',
      RESPONSE_CACHE_MAX_AGE_SECONDS: '0',
    }).responseCache;
    expect(responseCache).toEqual({ enabled: true, maxBytes: 1_000_000, maxEntries: 500, maxAgeSeconds: 0 });
  });

  it('accepts bolt, neo4j and neo4j+s URIs', () => {
    for (const uri of ['bolt://db:7687', 'neo4j://db', 'neo4j+s://x.databases.neo4j.io']) {
      expect(loadConfig({ NEO4J_URI: uri }).neo4j.uri).toBe(uri);
    }
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ NEO4J_URI: 'nonsense' }, 'NEO4J_URI'],
    [{ NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ LOCAL_NEO4J_HEAP: 'lots' }, 'LOCAL_NEO4J_HEAP'],
    [{ NEO4J_TRANSACTION_TIMEOUT_MS: '-5' }, 'NEO4J_TRANSACTION_TIMEOUT_MS'],
    [{ MAX_QUERY_DEPTH: '0' }, 'MAX_QUERY_DEPTH'],
    [{ MAX_QUERY_COST: 'lots' }, 'MAX_QUERY_COST'],
    [{ RESPONSE_CACHE_MAX_BYTES: '0' }, 'RESPONSE_CACHE_MAX_BYTES'],
    [{ RESPONSE_CACHE_MAX_AGE_SECONDS: '-1' }, 'RESPONSE_CACHE_MAX_AGE_SECONDS'],
  ])('rejects %p with one line naming %s', (environment, variable) => {
    let thrown: unknown;
    try {
      loadConfig(environment);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const message = (thrown as Error).message;
    expect(message).toContain(variable);
    expect(message).not.toContain('\n');
  });
});
