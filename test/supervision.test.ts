import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startBorderKg, type RunningService } from '../src/app/app';
import { loadConfig } from '../src/config/config';
import { fromProjectRoot } from '../src/config/project-root';
import { ErrorCode } from '../src/errors';
import { freePort } from './support/free-port';
import { errorCode, type GraphQLResponse } from './support/test-service';

interface LogLine {
  msg: string;
  neo4jPid?: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the local Neo4j the service launched', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'border-kg-supervision-'));
  // Reuse the jars the global setup fetched; the data folder is this test's own.
  symlinkSync(fromProjectRoot('.neo4j', 'lib'), path.join(home, 'lib'));
  // The service's own log, read as the operator would: which Java process is up, what restarted.
  const lines: LogLine[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  const logged = (message: string) => lines.filter((line) => line.msg === message);
  let service: RunningService | undefined;

  afterAll(async () => {
    await service?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  async function graphql(query: string): Promise<GraphQLResponse['body']> {
    const response = await fetch(service!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return (await response.json()) as GraphQLResponse['body'];
  }

  async function healthz(): Promise<{ status: number; body: unknown }> {
    const response = await fetch(service!.url.replace(/\/graphql$/, '/healthz'));
    return { status: response.status, body: await response.json() };
  }

  it('is restarted after kill -9, and the service answers again without a restart of its own', async () => {
    // An environment of its own: no NEO4J_URI (or the test database's password) from the global setup.
    const config = loadConfig({
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOCAL_NEO4J_HOME: home,
      LOCAL_NEO4J_BOLT_PORT: String(await freePort()),
      LOCAL_NEO4J_HEAP: '512m',
      LOCAL_NEO4J_PAGECACHE_MB: '64',
    });
    service = await startBorderKg(config, log);
    const query = '{ entity(id: "place:canada") { name } }';
    expect(await graphql(query)).toEqual({ data: { entity: { name: 'Canada' } } });
    expect(await healthz()).toEqual({ status: 200, body: { status: 'ok', database: 'up', restarts: 0 } });

    const [crashed] = logged('Local Neo4j is up').map((line) => line.neo4jPid!);
    process.kill(crashed!, 'SIGKILL');

    // Until it answers again (the bound is the test's timeout): no request hangs meanwhile, each
    // fails as DATABASE_UNAVAILABLE, and /healthz keeps answering 200 while Neo4j restarts.
    const healthDuringRestart: unknown[] = [];
    const codesDuringRestart = new Set<string | undefined>();
    let answer = await graphql(query);
    while (answer.errors) {
      codesDuringRestart.add(errorCode(answer));
      healthDuringRestart.push(await healthz());
      await sleep(250);
      answer = await graphql(query);
    }
    expect(answer).toEqual({ data: { entity: { name: 'Canada' } } });
    expect([...codesDuringRestart]).toEqual([ErrorCode.DATABASE_UNAVAILABLE]);
    expect(healthDuringRestart).toContainEqual({ status: 200, body: { status: 'ok', database: 'restarting', restarts: 0 } });
    expect(await healthz()).toEqual({ status: 200, body: { status: 'ok', database: 'up', restarts: 1 } });
    expect((await fetch(service.url.replace(/\/graphql$/, '/readyz'))).status).toBe(200);

    expect(logged('The local Neo4j stopped unexpectedly')).toEqual([expect.objectContaining({ neo4jPid: crashed, signal: 'SIGKILL' })]);
    expect(logged('The local Neo4j was restarted')).toHaveLength(1);
    const restarted = logged('Local Neo4j is up')[1]!.neo4jPid!;
    expect(restarted).not.toBe(crashed);
    expect(isAlive(crashed!)).toBe(false);

    // Stopping the service stops Neo4j for good: no restart of it follows, and no Java is left.
    await service.stop();
    service = undefined;
    expect(isAlive(restarted)).toBe(false);
    await sleep(3_000);
    expect(logged('Local Neo4j is up')).toHaveLength(2);
    expect(logged('The local Neo4j stopped unexpectedly')).toHaveLength(1);
  }, 600_000);
});
