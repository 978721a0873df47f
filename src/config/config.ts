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
    http: { host: env.HOST, port: env.PORT },
    logLevel: env.LOG_LEVEL,
    limits: {
      maxDepth: env.MAX_QUERY_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxTokens: env.MAX_TOKENS,
      maxDirectives: env.MAX_DIRECTIVES,
      maxCost: env.MAX_QUERY_COST,
      allowBatchedRequests: env.ALLOW_BATCHED_REQUESTS,
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
