import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { Logger } from '../logger';
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
export interface Neo4jQueryObservation {
  mode: 'READ' | 'WRITE';
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

/** Cypher round trips of one GraphQL request, reported in the X-Cypher-Round-Trips header. */
export class QueryStats {
  roundTrips = 0;
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

/**
 * The only code that touches the driver: sessions, transactions, timeouts and error mapping.
 * Every session shares one bookmark manager, so in a cluster a read that follows a write
 * (in any request) sees it, while reads can still be served by followers.
 */
/** Tries of a read statement when Neo4j answers with a transient error. */
const READ_ATTEMPTS = 3;

export class Neo4jExecutor {
  constructor(
    private readonly driver: Driver,
    private readonly options: ExecutorOptions,
    private readonly log: Logger,
    private readonly stats?: QueryStats,
    private readonly bookmarkManager: BookmarkManager = neo4j.bookmarkManager(),
  ) {}

  /** A view of this executor that counts the round trips of one request and logs with its id. */
  forRequest(stats: QueryStats, log: Logger): Neo4jExecutor {
    return new Neo4jExecutor(this.driver, this.options, log, stats, this.bookmarkManager);
  }

  /**
   * One read statement, auto-committed: RUN and PULL with no BEGIN and COMMIT around them, which
   * for a single statement are two more Bolt messages and a wait each. Auto-commit is not retried
   * by the driver, so transient errors are retried here, a few times.
   */
  async read(query: string, params: CypherParams = {}): Promise<Neo4jRecord[]> {
    for (let attempt = 1; ; attempt++) {
      const session = this.driver.session({
        database: this.options.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.bookmarkManager,
      });
      try {
        if (this.stats) this.stats.roundTrips += 1;
        const result = await this.observed('READ', () => session.run(query, params, { timeout: this.options.transactionTimeoutMs }));
        return result.records;
      } catch (error) {
        if (attempt < READ_ATTEMPTS && neo4j.isRetryableError(error)) continue;
        throw mapNeo4jError(error, this.options.transactionTimeoutMs, this.log);
      } finally {
        await session.close();
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
    const session = this.driver.session({ database: this.options.database });
    try {
      await this.observed('WRITE', () => session.run(query, params, { timeout: this.options.transactionTimeoutMs }));
    } catch (error) {
      throw mapNeo4jError(error, this.options.transactionTimeoutMs, this.log);
    } finally {
      await session.close();
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
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.bookmarkManager,
    });
    try {
      return await session.executeWrite(work, { timeout: timeoutMs });
    } catch (error) {
      throw mapNeo4jError(error, timeoutMs, this.log);
    } finally {
      await session.close();
    }
  }

  private async runIn(tx: ManagedTransaction, query: string, params: CypherParams): Promise<Neo4jRecord[]> {
    if (this.stats) this.stats.roundTrips += 1;
    const result = await this.observed('WRITE', () => tx.run(query, params));
    return result.records;
  }

  private async observed<T>(mode: Neo4jQueryObservation['mode'], run: () => Promise<T>): Promise<T> {
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
