import os from 'node:os';
import { bool, cleanEnv, makeValidator, num, port, str, type ReporterOptions } from 'envalid';

/** Thrown when the environment holds a bad value; its message is one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const NEO4J_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];

const neo4jUri = makeValidator<string>((input) => {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new Error(`expected a Neo4j URI such as bolt://localhost:7687, got "${input}"`);
  }
  if (!NEO4J_SCHEMES.includes(url.protocol)) {
    throw new Error(`expected a scheme of ${NEO4J_SCHEMES.join(' ')}, got "${url.protocol}"`);
  }
  return input;
});

const positiveInt = makeValidator<number>((input) => {
  const value = Number(input);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`expected a positive integer, got "${input}"`);
  return value;
});

/**
 * Heavy operations at once: half the cores, at least one. A heavy operation keeps a core busy
 * (its Neo4j query, then the serialising of its answer); the other half stays for light ones.
 */
const DEFAULT_HEAVY_CONCURRENCY = Math.max(1, Math.floor(os.availableParallelism() / 2));

/** 0 turns the setting off (no budget, no bound). */
const nonNegativeInt = makeValidator<number>((input) => {
  const value = Number(input);
  if (!Number.isInteger(value) || value < 0) throw new Error(`expected 0 or a positive integer, got "${input}"`);
  return value;
});

/** A shared secret: as long as an API key, so that it cannot be guessed either. */
const secret = makeValidator<string>((input) => {
  if (input.length < 16) throw new Error('expected at least 16 characters');
  return input;
});

/**
 * "editor:key1,reader:key2": who may do what. Keys of fewer than 16 characters are refused so
 * that a guessable key cannot grant writes.
 */
const apiKeys = makeValidator<{ role: 'reader' | 'editor'; key: string }[]>((input) => {
  if (input.trim() === '') return [];
  return input.split(',').map((entry) => {
    const separator = entry.indexOf(':');
    const role = entry.slice(0, separator).trim();
    const key = entry.slice(separator + 1).trim();
    if (separator < 0 || (role !== 'reader' && role !== 'editor')) {
      throw new Error('expected comma-separated role:key pairs, roles reader or editor');
    }
    if (key.length < 16) throw new Error(`a ${role} key must have at least 16 characters`);
    return { role, key };
  });
});

/** "1g", "512m": the JVM's -Xmx syntax, checked here so a typo fails before Java starts. */
const jvmMemory = makeValidator<string>((input) => {
  if (!/^\d+[kmgKMG]$/.test(input)) throw new Error(`expected a JVM size such as 512m or 2g, got "${input}"`);
  return input;
});

function throwOneLine({ errors }: ReporterOptions<Record<string, unknown>>): void {
  const problems = Object.entries(errors).map(([name, error]) => `${name}: ${error?.message || 'missing'}`);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

/**
 * Reads and validates the environment once. Defaults run the service on a local, embedded
 * Neo4j; setting NEO4J_URI points it at any other Neo4j 5 instead.
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env) {
  const env = cleanEnv(
    environment,
    {
      NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
      HOST: str({ default: '0.0.0.0', desc: 'Interface the HTTP server listens on' }),
      PORT: port({ default: 4000, desc: 'HTTP port of the GraphQL endpoint' }),
      TRUST_PROXY_HOPS: nonNegativeInt({ default: 0, desc: 'Reverse proxies in front of the service whose X-Forwarded-For is believed' }),
      METRICS_KEY: secret({ default: undefined, desc: 'When set, GET /metrics needs Authorization: Bearer <this key>' }),
      LOG_LEVEL: str({
        choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
        default: 'info',
      }),
      API_KEYS: apiKeys({ default: [], desc: 'role:key pairs; writes need an editor key' }),
      READS_REQUIRE_KEY: bool({ default: false, desc: 'true: reads need a reader or editor key too' }),
      MAX_QUERY_DEPTH: positiveInt({ default: 12, desc: 'Deepest selection nesting an operation may have' }),
      MAX_ALIASES: positiveInt({ default: 30, desc: 'Most aliases in one operation' }),
      MAX_TOKENS: positiveInt({ default: 2000, desc: 'Most lexical tokens in one document' }),
      MAX_DIRECTIVES: positiveInt({ default: 20, desc: 'Most directives in one operation' }),
      MAX_QUERY_COST: positiveInt({ default: 10_000, desc: 'Highest estimated cost of one operation' }),
      ALLOW_BATCHED_REQUESTS: bool({ default: false, desc: 'true: accept a JSON array of operations per POST' }),
      FAIR_USE_WINDOW_SECONDS: positiveInt({ default: 60, desc: 'Length of the window the budgets below are counted over' }),
      FAIR_USE_COST_BUDGET: nonNegativeInt({ default: 1_000_000, desc: 'Query cost points per client per window; 0: no budget' }),
      FAIR_USE_WRITE_BUDGET: nonNegativeInt({ default: 600, desc: 'Mutation fields per editor key per window; 0: no budget' }),
      FAIR_USE_HEAVY_COST: positiveInt({ default: 1_000, desc: 'Cost from which an operation is heavy' }),
      FAIR_USE_HEAVY_CONCURRENCY: nonNegativeInt({ default: DEFAULT_HEAVY_CONCURRENCY, desc: 'Heavy operations run at once, the others queue; 0: no bound' }),
      FAIR_USE_HEAVY_QUEUE: nonNegativeInt({ default: 50, desc: 'Heavy operations that may wait; past it they are refused' }),
      FAIR_USE_HEAVY_QUEUE_TIMEOUT_MS: positiveInt({ default: 10_000, desc: 'Longest wait of a queued heavy operation' }),
      RESPONSE_CACHE_ENABLED: bool({ default: false, desc: 'true: answers of queries are kept until the next write through this process (docs/operations.md#response-cache)' }),
      RESPONSE_CACHE_MAX_BYTES: positiveInt({ default: 64 * 1024 * 1024, desc: 'Most bytes of answers the response cache holds; one answer at most a tenth of it' }),
      RESPONSE_CACHE_MAX_ENTRIES: positiveInt({ default: 10_000, desc: 'Most answers the response cache holds' }),
      RESPONSE_CACHE_MAX_AGE_SECONDS: nonNegativeInt({ default: 60, desc: 'Longest an answer is served, for writes this process does not see; 0: until a write' }),
      NEO4J_URI: neo4jUri({ default: undefined, desc: 'An external Neo4j; unset to run the local one' }),
      NEO4J_USERNAME: str({ default: 'neo4j' }),
      NEO4J_PASSWORD: str({ default: '' }),
      NEO4J_DATABASE: str({ default: 'neo4j' }),
      NEO4J_TRANSACTION_TIMEOUT_MS: positiveInt({ default: 15_000 }),
      LOCAL_NEO4J_HOME: str({ default: '.neo4j', desc: 'Jars and data of the local Neo4j, relative to the project' }),
      LOCAL_NEO4J_BOLT_PORT: port({ default: 7687 }),
      LOCAL_NEO4J_HEAP: jvmMemory({ default: '2g' }),
      LOCAL_NEO4J_PAGECACHE_MB: num({ default: 2048 }),
    },
    { reporter: throwOneLine },
  );
  return {
    isProduction: env.NODE_ENV === 'production',
    http: { host: env.HOST, port: env.PORT, trustProxyHops: env.TRUST_PROXY_HOPS },
    metrics: { key: env.METRICS_KEY },
    logLevel: env.LOG_LEVEL,
    limits: {
      maxDepth: env.MAX_QUERY_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxTokens: env.MAX_TOKENS,
      maxDirectives: env.MAX_DIRECTIVES,
      maxCost: env.MAX_QUERY_COST,
      allowBatchedRequests: env.ALLOW_BATCHED_REQUESTS,
    },
    fairUse: {
      windowSeconds: env.FAIR_USE_WINDOW_SECONDS,
      costBudget: env.FAIR_USE_COST_BUDGET,
      writeBudget: env.FAIR_USE_WRITE_BUDGET,
      heavyCost: env.FAIR_USE_HEAVY_COST,
      heavyConcurrency: env.FAIR_USE_HEAVY_CONCURRENCY,
      heavyQueue: env.FAIR_USE_HEAVY_QUEUE,
      heavyQueueTimeoutMs: env.FAIR_USE_HEAVY_QUEUE_TIMEOUT_MS,
    },
    responseCache: {
      enabled: env.RESPONSE_CACHE_ENABLED,
      maxBytes: env.RESPONSE_CACHE_MAX_BYTES,
      maxEntries: env.RESPONSE_CACHE_MAX_ENTRIES,
      maxAgeSeconds: env.RESPONSE_CACHE_MAX_AGE_SECONDS,
    },
    auth: { apiKeys: env.API_KEYS, readsRequireKey: env.READS_REQUIRE_KEY },
    neo4j: {
      uri: env.NEO4J_URI,
      username: env.NEO4J_USERNAME,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
      transactionTimeoutMs: env.NEO4J_TRANSACTION_TIMEOUT_MS,
    },
    localNeo4j: {
      home: env.LOCAL_NEO4J_HOME,
      boltPort: env.LOCAL_NEO4J_BOLT_PORT,
      heap: env.LOCAL_NEO4J_HEAP,
      pageCacheMb: env.LOCAL_NEO4J_PAGECACHE_MB,
    },
  };
}

export type Config = ReturnType<typeof loadConfig>;
