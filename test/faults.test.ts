import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ErrorCode } from '../src/errors';
import { createLogger } from '../src/config/logger';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j/local-neo4j';
import { fromProjectRoot } from '../src/config/project-root';
import { freePort } from './support/free-port';
import { testDatabase } from './support/test-database';
import { startTestService, type TestService } from './support/test-service';

const log = createLogger('silent');

describe('transaction time limits', () => {
  const { driver, executor } = testDatabase(500);
  afterAll(async () => {
    await driver.close();
  });

  it('stops a query that runs past the limit with DATABASE_TIMEOUT, and keeps serving', async () => {
    const slow = executor.read('UNWIND range(1, 2000000000) AS x RETURN count(x) AS n');
    await expect(slow).rejects.toMatchObject({ extensions: { code: ErrorCode.DATABASE_TIMEOUT, timeoutMs: 500 } });
    const [record] = await executor.read('RETURN 1 AS one');
    expect(record!.get('one')).toBe(1);
  });
});

describe('when Neo4j goes away and comes back', () => {
  let neo4j: LocalNeo4j | undefined;
  let service: TestService | undefined;
  const home = mkdtempSync(path.join(os.tmpdir(), 'border-kg-faults-'));
  symlinkSync(fromProjectRoot('.neo4j', 'lib'), path.join(home, 'lib'));

  afterAll(async () => {
    await service?.stop();
    await neo4j?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  const options = async () => ({ home, boltPort: await freePort(), heap: '512m', pageCacheMb: 64 });

  it('answers DATABASE_UNAVAILABLE without hanging, reports 503 on /readyz, and recovers by itself', async () => {
    const neo4jOptions = await options();
    neo4j = await startLocalNeo4j(neo4jOptions, log);
    service = await startTestService({ NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: neo4j.password });
    const query = '{ entity(id: "place:canada") { name } }';
    expect((await service.graphql(query)).body).toEqual({ data: { entity: { name: 'Canada' } } });

    await neo4j.stop();
    const started = Date.now();
    const down = await service.graphql(query);
    // A guard against hanging, not a speed target: connection and retry limits are a few seconds.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(down.body.errors?.[0]?.extensions?.code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
    expect(down.body.errors?.[0]?.message).not.toMatch(/\n\s+at /);
    const readyz = await fetch(`${service.baseUrl}/readyz`);
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toEqual({ status: 'unavailable', reason: 'Neo4j does not answer' });
    expect((await fetch(`${service.baseUrl}/healthz`)).status).toBe(200);

    neo4j = await startLocalNeo4j(neo4jOptions, log);
    let recovered;
    for (let attempt = 0; attempt < 30; attempt++) {
      recovered = await service.graphql(query);
      if (!recovered.body.errors) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(recovered!.body).toEqual({ data: { entity: { name: 'Canada' } } });
    expect((await fetch(`${service.baseUrl}/readyz`)).status).toBe(200);
  }, 300_000);
});
