import neo4j, {
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  type Session,
} from 'neo4j-driver';
import type { Logger } from '../config/logger';
import { DatabaseTimeoutError, DatabaseUnavailableError } from '../errors';
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
  /**
   * Told after every write (write, writeTransaction, runAutoCommit) that may have changed the
   * graph, once its session is closed, before its caller gets the answer: what the response
   * cache's graph version counts. A write that failed is told too, because a failure can hide a
   * commit (the connection lost while COMMIT was answered), and so is one given up at its deadline,
   * when it ends at last. Must not throw; what it throws is logged, never the write's outcome.
   */
  onWriteEnded?: () => void;
}

/** Runs statements inside one open transaction; handed to the work of writeTransaction. */
export interface CypherTransaction {
  run(query: string, params?: CypherParams): Promise<Neo4jRecord[]>;
}

/**
 * Statements of one read transaction whose records are handed over as they arrive, not
 * gathered (see Neo4jExecutor.readStreaming).
 */
export interface StreamingReadTransaction {
  stream(query: string, params?: CypherParams): AsyncIterable<Neo4jRecord>;
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
  /** The request's database work shares one transaction limit, counted from here. */
  readonly startedAt = performance.now();

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
export function withIntegerParams(params: CypherParams): CypherParams {
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
    // A query may name a relation type the graph does not hold yet (a path walks every type of
    // the ontology). Neo4j would then send a warning with every answer of that query, for the
    // driver to decode and nobody to read.
    notificationFilter: { disabledClassifications: ['UNRECOGNIZED'] },
  });
}

/** Tries of a read statement when Neo4j answers with a transient error. */
const READ_ATTEMPTS = 3;

/**
 * How long past its transaction limit a call may go unanswered before it is given up. Neo4j checks
 * its limits every 2 s (db.transaction.monitor.check.interval), so a database that works answers
 * TransactionTimedOut up to about 2 s late; the rest is slack for a busy machine. Still no answer
 * then means a database that does not answer at all: frozen, or cut off.
 */
export const DEADLINE_MARGIN_MS = 5_000;

/** How long /readyz waits for Neo4j to accept a connection: the driver's own connection timeout. */
const REACHABILITY_WAIT_MS = 3_000;

/** What a deadline's timer settles with, told apart from any result the work could have. */
const UNANSWERED = Symbol('unanswered');

/** The promise's outcome, or `late` when it has not settled within ms; the promise is left to settle by itself. */
async function settledWithin<T, L>(promise: Promise<T>, ms: number, late: L): Promise<T | L> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<L>((resolve) => {
    timer = setTimeout(() => resolve(late), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs a driver call with V8's stack capture off. The driver records a stack trace for every
 * Result it makes (new Error().stack, formatted at once) only to put it on an error that result
 * may later carry; every error here is mapped to a typed one (mapNeo4jError) whose stack is never
 * shown, and the trace would name only this executor. Formatting it was about 3 % of the
 * service's CPU on a read (bench/results/cpu-profile-large.md: captureStacktrace and
 * prepareStackTrace). The call makes its Result synchronously, so the limit is restored before
 * any other code runs.
 */
function withoutStackCapture<T>(call: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return call();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

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
    return this.withinDeadline(this.options.transactionTimeoutMs, async (timeoutMs) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.runAutoCommitted('READ', query, params, timeoutMs);
        } catch (error) {
          if (attempt < READ_ATTEMPTS && neo4j.isRetryableError(error)) continue;
          throw mapNeo4jError(error, this.options.transactionTimeoutMs, this.log);
        }
      }
    });
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

  /**
   * Several statements in one read transaction, their records handed to the work as they arrive:
   * work over a whole graph (`npm run backup`) whose answer would not fit in memory. The driver
   * pulls records in batches as the work consumes them, so a slow consumer (a file being written)
   * holds the reading back instead of buffering it. Not retried: records already consumed cannot
   * be taken back, so a transient error fails the work.
   */
  async readStreaming<T>(work: (tx: StreamingReadTransaction) => Promise<T>, limitMs: number): Promise<T> {
    return this.withinDeadline(limitMs, async (timeoutMs) => {
      const session = this.session('READ');
      try {
        const tx = session.beginTransaction(this.transactionConfig(timeoutMs));
        try {
          const stream = (query: string, params: CypherParams = {}) => {
            if (this.trace) this.trace.roundTrips += 1;
            return tx.run(query, withIntegerParams(params));
          };
          const outcome = await this.observed('READ', () => work({ stream }));
          await tx.commit();
          return outcome;
        } finally {
          // A rollback that fails (the connection is gone) must not hide the error that led to it.
          if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        }
      } catch (error) {
        throw mapNeo4jError(error, limitMs, this.log);
      } finally {
        await session.close();
      }
    });
  }

  /** Schema commands (constraints, indexes) cannot share a transaction with data writes. */
  async runAutoCommit(query: string, params: CypherParams = {}): Promise<void> {
    await this.withinDeadline(this.options.transactionTimeoutMs, async (timeoutMs) => {
      try {
        await this.runAutoCommitted('WRITE', query, params, timeoutMs);
      } catch (error) {
        throw mapNeo4jError(error, this.options.transactionTimeoutMs, this.log);
      } finally {
        this.writeEnded();
      }
    });
  }

  /** Whether Neo4j accepts a connection; false, not a wait, when it does not say within a few seconds. */
  async isReachable(): Promise<boolean> {
    const check = this.driver.verifyConnectivity({ database: this.options.database }).then(
      () => true,
      () => false,
    );
    return settledWithin(check, REACHABILITY_WAIT_MS, false);
  }

  private async inWriteTransaction<T>(
    work: (tx: ManagedTransaction) => Promise<T>,
    limitMs = this.options.transactionTimeoutMs,
  ): Promise<T> {
    return this.withinDeadline(limitMs, async (timeoutMs) => {
      const session = this.session('WRITE');
      try {
        return await session.executeWrite(work, this.transactionConfig(timeoutMs));
      } catch (error) {
        throw mapNeo4jError(error, limitMs, this.log);
      } finally {
        // Told once the session is closed, its bookmark kept: a read that starts after this sees the write.
        try {
          await session.close();
        } finally {
          this.writeEnded();
        }
      }
    });
  }

  /**
   * A write has ended, committed or not: whatever it did is visible to reads that start from now
   * on. Inside withinDeadline's work, so that a write given up at its deadline tells when it ends.
   */
  private writeEnded(): void {
    try {
      this.options.onWriteEnded?.();
    } catch (error) {
      this.log.error({ err: error }, 'onWriteEnded threw; the write itself has ended as it did');
    }
  }

  /**
   * Runs a call's work so that it answers by its transaction limit plus DEADLINE_MARGIN_MS,
   * whatever the database does. Inside a request the limit is what is left of the request's own,
   * counted from its start, so that a request of many queries ends in time too; none left is
   * DATABASE_TIMEOUT at once. Neo4j enforces that limit itself (the transaction's timeout, answered
   * as DATABASE_TIMEOUT); a database that has not answered by the limit plus the margin does not
   * answer at all, and the call fails with DATABASE_UNAVAILABLE. The abandoned work goes on in the
   * background and closes its session once the database answers or the connection breaks.
   */
  private async withinDeadline<T>(limitMs: number, work: (timeoutMs: number) => Promise<T>): Promise<T> {
    const requestLeftMs = this.trace ? Math.floor(this.trace.startedAt + this.options.transactionTimeoutMs - performance.now()) : Infinity;
    const timeoutMs = Math.min(limitMs, requestLeftMs);
    // The driver reads a timeout of 0 as "none".
    if (timeoutMs < 1) throw new DatabaseTimeoutError(this.options.transactionTimeoutMs);
    const running = work(timeoutMs);
    const outcome = await settledWithin(running, timeoutMs + DEADLINE_MARGIN_MS, UNANSWERED);
    if (outcome !== UNANSWERED) return outcome;
    this.log.warn({ timeoutMs, marginMs: DEADLINE_MARGIN_MS }, 'Neo4j did not answer within the deadline; the call is abandoned');
    const ended = () => this.log.info('A Neo4j call abandoned at its deadline has ended; its session is closed');
    running.then(ended, ended);
    throw new DatabaseUnavailableError();
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
  private async runAutoCommitted(mode: AccessMode, query: string, params: CypherParams, timeoutMs: number): Promise<Neo4jRecord[]> {
    const session = this.session(mode);
    try {
      if (this.trace) this.trace.roundTrips += 1;
      const config = this.transactionConfig(timeoutMs);
      const result = await this.observed(mode, () => withoutStackCapture(() => session.run(query, withIntegerParams(params), config)));
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
