import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Driver, Session } from 'neo4j-driver';
import { createLogger } from '../src/config/logger';
import { fromProjectRoot } from '../src/config/project-root';
import { ErrorCode } from '../src/errors';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j/local-neo4j';
import { createDriver, DEADLINE_MARGIN_MS, Neo4jExecutor } from '../src/neo4j/neo4j-executor';
import { freePort } from './support/free-port';
import { errorCode, startTestService, type TestService } from './support/test-service';

const log = createLogger('silent');
/** Small, so that the test is quick; the deadline is this plus DEADLINE_MARGIN_MS. */
const TRANSACTION_LIMIT_MS = 1_000;
const FREEZE_MS = 30_000;
/** What an answer may take beyond the deadline itself: the HTTP round trip and a busy event loop. */
const DELIVERY_MS = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a request whose database freezes (SIGSTOP)', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'border-kg-deadline-'));
  // Reuse the jars the global setup fetched; the data folder is this test's own.
  symlinkSync(fromProjectRoot('.neo4j', 'lib'), path.join(home, 'lib'));
  let neo4j: LocalNeo4j | undefined;
  let service: TestService | undefined;
  const closers: (() => Promise<void>)[] = [];

  afterAll(async () => {
    if (neo4j) process.kill(neo4j.pid, 'SIGCONT');
    for (const close of closers) await close();
    await service?.stop();
    await neo4j?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('is answered by its deadline, and its abandoned session is closed once the database thaws', async () => {
    neo4j = await startLocalNeo4j({ home, boltPort: await freePort(), heap: '512m', pageCacheMb: 64 }, log);
    const connection = { NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: neo4j.password };
    // Migrations, seed and datasets under the usual limit first; the service under test then finds them done.
    await (await startTestService(connection)).stop();
    service = await startTestService({ ...connection, NEO4J_TRANSACTION_TIMEOUT_MS: String(TRANSACTION_LIMIT_MS) });
    const options = { uri: neo4j.uri, username: neo4j.username, password: neo4j.password, database: 'neo4j', transactionTimeoutMs: TRANSACTION_LIMIT_MS };
    const driver = createDriver(options);
    closers.push(() => driver.close());
    const executor = new Neo4jExecutor(driver, options, log);
    const query = '{ entity(id: "place:canada") { name } }';
    expect((await service.graphql(query)).body).toEqual({ data: { entity: { name: 'Canada' } } });
    await executor.write("MERGE (p:DeadlineProbe {note: 'before the freeze'})");

    // Every session the service and the executor open from here on, and every close.
    const opened = jest.spyOn(Driver.prototype, 'session');
    const closed = jest.spyOn(Session.prototype, 'close');
    const frozenAt = performance.now();
    process.kill(neo4j.pid, 'SIGSTOP');

    const timed = async <T>(work: Promise<T>) => {
      const started = performance.now();
      const result = await work;
      return { result, ms: performance.now() - started };
    };
    const [read, write, readyz, healthz] = await Promise.all([
      timed(service.graphql(query)),
      timed(executor.write("CREATE (:DeadlineProbe {note: 'during the freeze'})").catch((error: unknown) => error)),
      timed(fetch(`${service.baseUrl}/readyz`)),
      timed(fetch(`${service.baseUrl}/healthz`)),
    ]);
    const deadline = TRANSACTION_LIMIT_MS + DEADLINE_MARGIN_MS;
    expect(errorCode(read.result.body)).toBe(ErrorCode.DATABASE_UNAVAILABLE);
    expect(read.ms).toBeLessThan(deadline + DELIVERY_MS);
    expect(write.result).toMatchObject({ extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } });
    expect(write.ms).toBeLessThan(deadline + DELIVERY_MS);
    expect(readyz.result.status).toBe(503);
    expect(readyz.ms).toBeLessThan(deadline);
    expect(healthz.result.status).toBe(200);

    // Late in the freeze, a request is bounded the same way.
    await sleep(FREEZE_MS - (performance.now() - frozenAt) - deadline - DELIVERY_MS);
    const late = await timed(service.graphql(query));
    expect(errorCode(late.result.body)).toBe(ErrorCode.DATABASE_UNAVAILABLE);
    expect(late.ms).toBeLessThan(deadline + DELIVERY_MS);

    process.kill(neo4j.pid, 'SIGCONT');
    // The abandoned work ends once the database answers (the bound is the test's timeout).
    while (closed.mock.calls.length < opened.mock.calls.length) await sleep(200);
    expect(opened.mock.calls.length).toBeGreaterThanOrEqual(3);
    opened.mockRestore();
    closed.mockRestore();
    expect((await service.graphql(query)).body).toEqual({ data: { entity: { name: 'Canada' } } });
    await executor.write('MATCH (p:DeadlineProbe) DETACH DELETE p');
  }, 300_000);
});
