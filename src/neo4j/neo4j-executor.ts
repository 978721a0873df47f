import neo4j, {
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  type Session,
} from 'neo4j-driver';
import type { Logger } from '../config/logger';
import { mapNeo4jError } from './neo4j-errors';

export type { Neo4jRecord };
export type CypherParams = Record<string, unknown>;

export interface Neo4jConnectionOptions {
  uri: string;
  username: string;
  password: string;
  database: string;
  transactionTimeoutMs: number;
}

/** One Cypher statement as the executor ran it: what /metrics counts. */
type AccessMode = 'READ' | 'WRITE';

export interface Neo4jQueryObservation {
  mode: AccessMode;
  durationMs: number;
  failed: boolean;
}

export interface ExecutorOptions {
  database: string;
  transactionTimeoutMs: number;
  /** Told of every statement, for metrics; must not throw. */
  onQuery?: (observation: Neo4jQueryObservation) => void;
}

/** Runs statements inside one open transaction; handed to the work of writeTransaction. */
export interface CypherTransaction {
  run(query: string, params?: CypherParams): Promise<Neo4jRecord[]>;
}

/**
 * What the executor knows of one GraphQL request: its id and operation, which tag every
 * transaction it runs (visible in Neo4j's SHOW TRANSACTIONS and query log), and the Cypher
 * round trips it cost, reported in the X-Cypher-Round-Trips header.
 */
export class RequestTrace {
  roundTrips = 0;
  /** Set once the operation is known (after parsing); null for an anonymous one. */
  operationName: string | null = null;

  constructor(readonly requestId: string) {}
}

/** Timeout and metadata of a transaction or auto-committed statement. */
type TransactionConfig = NonNullable<Parameters<Session['run']>[2]>;

/** Every transaction's metadata names the application; a request's also names itself. */
const APP_NAME = 'border-kg';

/**
 * Top-level numeric parameters of our queries are counts, limits and positions, which Cypher
 * wants as integers (LIMIT 21.0 is an error). With lossless integers off, the driver sends every
 * JS number as a float, so integral ones are converted here, once, rather than by each
 * repository. Values to store travel inside maps and lists, whose numbers are left as they
 * are: a statistic's value stays a float.
 */
function withIntegerParams(params: CypherParams): CypherParams {
  const converted: CypherParams = {};
  for (const [name, value] of Object.entries(params)) {
    converted[name] = typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value;
  }
  return converted;
}

/**
 * Driver settings, chosen so that a missing database fails a request within seconds instead of
 * hanging it: connecting and acquiring a pooled connection time out quickly, and transient
 * errors (leader switch, deadlock) are retried: by executeWrite for a bounded time, by read a few times.
 */
export function createDriver(options: Neo4jConnectionOptions): Driver {
  const auth = options.password ? neo4j.auth.basic(options.username, options.password) : undefined;
  return neo4j.driver(options.uri, auth, {
    maxConnectionPoolSize: 100,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 3_000,
    maxTransactionRetryTime: 5_000,
    disableLosslessIntegers: true,
    userAgent: 'border-kg',
  });
}

/** Tries of a read statement when Neo4j answers with a transient error. */
const READ_ATTEMPTS = 3;

/**
 * The only code that touches the driver: sessions, transactions, timeouts, metadata and error
 * mapping. Every session shares one bookmark manager, so in a cluster a read that follows a
 * write (in any request) sees it, while reads can still be served by followers.
 */
export class Neo4jExecutor {
  constructor(
    private readonly driver: Driver,
    private readonly options: ExecutorOptions,
    private readonly log: Logger,
    private readonly trace?: RequestTrace,
    private readonly bookmarkManager: BookmarkManager = neo4j.bookmarkManager(),
  ) {}

  /** A view of this executor that counts the round trips of one request, tags and logs with its id. */
  forRequest(trace: RequestTrace, log: Logger): Neo4jExecutor {
    return new Neo4jExecutor(this.driver, this.options, log, trace, this.bookmarkManager);
  }

  /**
   * One read statement, auto-committed (see runAutoCommitted). The driver does not retry
   * auto-commit, so transient errors are retried here, a few times.
   */
  async read(query: string, params: CypherParams = {}): Promise<Neo4jRecord[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runAutoCommitted('READ', query, params);
      } catch (error) {
        if (attempt < READ_ATTEMPTS && neo4j.isRetryableError(error)) continue;
        throw mapNeo4jError(error, this.options.transactionTimeoutMs, this.log);
      }
    }
  }

  async write(query: string, params: CypherParams = {}): Promise<Neo4jRecord[]> {
    return this.inWriteTransaction((tx) => this.runIn(tx, query, params));
  }

  /**
   * Several statements in one transaction: all of them commit, or none does. Batch work such
   * as loading the seed may pass a longer time limit than requests get.
   */
  async writeTransaction<T>(work: (tx: CypherTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.inWriteTransaction(
      (tx) => work({ run: (query, params = {}) => this.runIn(tx, query, params) }),
      timeoutMs,
    );
  }

  /** Schema commands (constraints, indexes) cannot share a transaction with data writes. */
  async runAutoCommit(query: string, params: CypherParams = {}): Promise<void> {
    try {
      await this.runAutoCommitted('WRITE', query, params);
    } catch (error) {
      throw mapNeo4jError(error, this.options.transactionTimeoutMs, this.log);
    }
  }

  async isReachable(): Promise<boolean> {
    try {
      await this.driver.verifyConnectivity({ database: this.options.database });
      return true;
    } catch {
      return false;
    }
  }

  private async inWriteTransaction<T>(
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs = this.options.transactionTimeoutMs,
  ): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work, this.transactionConfig(timeoutMs));
    } catch (error) {
      throw mapNeo4jError(error, timeoutMs, this.log);
    } finally {
      await session.close();
    }
  }

  private async runIn(tx: ManagedTransaction, query: string, params: CypherParams): Promise<Neo4jRecord[]> {
    if (this.trace) this.trace.roundTrips += 1;
    const result = await this.observed('WRITE', () => tx.run(query, withIntegerParams(params)));
    return result.records;
  }

  /**
   * One statement auto-committed: RUN and PULL with no BEGIN and COMMIT around them, which for a
   * single statement are two more Bolt messages and a wait each.
   */
  private async runAutoCommitted(mode: AccessMode, query: string, params: CypherParams): Promise<Neo4jRecord[]> {
    const session = this.session(mode);
    try {
      if (this.trace) this.trace.roundTrips += 1;
      const config = this.transactionConfig(this.options.transactionTimeoutMs);
      const result = await this.observed(mode, () => session.run(query, withIntegerParams(params), config));
      return result.records;
    } finally {
      await session.close();
    }
  }

  private session(mode: AccessMode): Session {
    return this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarkManager,
    });
  }

  private transactionConfig(timeout: number): TransactionConfig {
    const request = this.trace ? { requestId: this.trace.requestId, operation: this.trace.operationName ?? '(anonymous)' } : {};
    return { timeout, metadata: { app: APP_NAME, ...request } };
  }

  private async observed<T>(mode: AccessMode, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    let failed = true;
    try {
      const result = await run();
      failed = false;
      return result;
    } finally {
      this.options.onQuery?.({ mode, durationMs: performance.now() - started, failed });
    }
  }
}
