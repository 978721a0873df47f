import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { fromProjectRoot } from '../src/config/project-root';
import { localNeo4jPasswordFile } from '../src/neo4j/local-neo4j';
import { freePort } from './support/free-port';

// `npm test` builds first (pretest), so the compiled entry point is what `npm start` runs.
const MAIN = fromProjectRoot('dist', 'src', 'main.js');

/** The service's environment: the test's variables, and no NEO4J_URI unless the test sets one. */
function serviceEnvironment(environment: Record<string, string>): NodeJS.ProcessEnv {
  const { NEO4J_URI: _inherited, ...rest } = process.env;
  return { ...rest, ...environment };
}

function runMain(environment: Record<string, string>) {
  return spawnSync(process.execPath, [MAIN], {
    env: serviceEnvironment(environment),
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm start with bad configuration', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ NEO4J_URI: 'nonsense' }, 'NEO4J_URI'],
  ])('exits non-zero with one clear line for %p', (environment, variable) => {
    const result = runMain(environment);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^border-kg: Invalid configuration: ${variable}: `));
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

function startMain(environment: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [MAIN], { env: serviceEnvironment(environment) });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function waitForReady(port: number, { child, output }: ReturnType<typeof startMain>): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the service did not become ready:\n${output().slice(-3000)}`);
}

async function stopWith(signal: NodeJS.Signals, child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function localNeo4jPid(output: string): number {
  const line = output.split('\n').find((text) => text.includes('"Local Neo4j is up"'));
  return JSON.parse(line!).neo4jPid;
}

describe('npm start on the local Neo4j', () => {
  it('keeps data across restarts and leaves no Java process after Ctrl-C or SIGTERM', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'border-kg-cli-'));
    // Reuse the jars the global setup fetched; the data folder is this test's own.
    symlinkSync(fromProjectRoot('.neo4j', 'lib'), path.join(home, 'lib'));
    const environment = {
      PORT: String(await freePort()),
      LOCAL_NEO4J_HOME: home,
      LOCAL_NEO4J_BOLT_PORT: String(await freePort()),
      LOCAL_NEO4J_HEAP: '512m',
      LOCAL_NEO4J_PAGECACHE_MB: '128',
      LOG_LEVEL: 'info',
    };
    const port = Number(environment.PORT);
    let driver: Driver | undefined;
    try {
      const first = startMain(environment);
      await waitForReady(port, first);
      // The first start generated the data folder's password; the second must accept it again.
      const password = readFileSync(localNeo4jPasswordFile(path.join(home, 'dbms')), 'utf8').trim();
      driver = neo4j.driver(`bolt://127.0.0.1:${environment.LOCAL_NEO4J_BOLT_PORT}`, neo4j.auth.basic('neo4j', password));
      await driver.executeQuery("CREATE (:RestartMarker {note: 'survives restarts'})");
      const firstJava = localNeo4jPid(first.output());
      expect(await stopWith('SIGINT', first.child)).toBe(0);
      expect(isAlive(firstJava)).toBe(false);

      const second = startMain(environment);
      await waitForReady(port, second);
      const { records } = await driver.executeQuery('MATCH (m:RestartMarker) RETURN m.note AS note');
      expect(records.map((record) => record.get('note'))).toEqual(['survives restarts']);
      const seeded = await driver.executeQuery('MATCH (n:Entity) RETURN count(n) AS count');
      expect(seeded.records[0]!.get('count').toNumber()).toBeGreaterThan(50);
      const secondJava = localNeo4jPid(second.output());
      expect(await stopWith('SIGTERM', second.child)).toBe(0);
      expect(isAlive(secondJava)).toBe(false);
    } finally {
      await driver?.close();
      rmSync(home, { recursive: true, force: true });
    }
  }, 400_000);
});
