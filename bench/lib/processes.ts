import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getRandomPort } from 'get-port-please';
import type { LoadJob, LoadResult } from '../load-worker';
import type { ChildMessage, ParentMessage } from '../servers/child';
import type { LocalNeo4j } from '../../src/index';
import type { ContenderName } from '../workload';

const SERVER_ENTRY: Record<ContenderName, string> = {
  'border-kg': 'border-kg-server.js',
  'neo4j-graphql': 'neo4j-graphql-server.js',
  cypher: 'cypher-server.js',
};

export interface RunningServer {
  contender: ContenderName;
  url: string;
  pid: number;
  stop(): Promise<void>;
  /** border-kg only: V8 CPU profiling of the server over a window the caller chooses. */
  startProfile(): void;
  stopProfile(file: string): Promise<void>;
}

/**
 * Starts a contender's server as a child process on a free port and waits until it serves. The
 * breakdown (bench/breakdown.ts) starts the service's layers instead: its own entry and settings.
 */
export async function startServer(
  contender: ContenderName,
  neo4j: Pick<LocalNeo4j, 'uri' | 'username' | 'password'>,
  variant: { entry: string; env: Record<string, string> } = { entry: SERVER_ENTRY[contender], env: {} },
): Promise<RunningServer> {
  const port = await getRandomPort('127.0.0.1');
  const child = fork(path.join(__dirname, '..', 'servers', variant.entry), [], {
    env: {
      ...process.env,
      ...variant.env,
      BENCH_NEO4J_URI: neo4j.uri,
      BENCH_NEO4J_USERNAME: neo4j.username,
      BENCH_NEO4J_PASSWORD: neo4j.password,
      BENCH_PORT: String(port),
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${contender} did not start within 180 s`)), 180_000);
    child.once('message', (message: ChildMessage) => {
      clearTimeout(timer);
      if ('ready' in message) resolve(message.ready);
      else reject(new Error(`${contender} failed to start: ${'failed' in message ? message.failed : JSON.stringify(message)}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${contender} exited with ${code} before it was ready`));
    });
  }).catch(async (error: unknown) => {
    await stopChild(child, exited);
    throw error;
  });
  return {
    contender,
    url,
    pid: child.pid ?? -1,
    stop: () => stopChild(child, exited),
    startProfile: () => child.send({ profile: 'start' } satisfies ParentMessage),
    stopProfile: (file) =>
      new Promise<void>((resolve) => {
        child.once('message', () => resolve());
        child.send({ profile: 'stop', file } satisfies ParentMessage);
      }),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** Runs one load cell with autocannon in its own process. */
export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'border-kg-bench-'));
  const jobFile = path.join(dir, 'job.json');
  writeFileSync(jobFile, JSON.stringify(job));
  try {
    const child = spawn(process.execPath, [path.join(__dirname, '..', 'load-worker.js'), jobFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), (job.durationSeconds + job.timeoutSeconds + 60) * 1000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(killer);
    if (code !== 0) throw new Error(`load worker exited with ${code}: ${stderr.slice(-2000)}`);
    return JSON.parse(stdout.trim().split('\n').pop()!) as LoadResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A load job before its duration is set: where, what and how many at once. */
export type LoadTarget = Omit<LoadJob, 'durationSeconds'>;

/**
 * Neo4j's JVM compiles its hot paths over the first tens of seconds under load, and its page
 * cache fills as queries touch the store: the contender that ran first met a colder database
 * than the others (measured at large scale: the floor's A at 401 req/s when it ran first, 878
 * when it ran after this service). So each contender's server is started in turn and its
 * targets are run for `seconds` each, unmeasured, before any cell counts.
 */
export async function warmNeo4j(
  neo4j: Pick<LocalNeo4j, 'uri' | 'username' | 'password'>,
  contenders: readonly ContenderName[],
  seconds: number,
  targetsOf: (contender: ContenderName, url: string) => LoadTarget[],
  say: (line: string) => void,
): Promise<void> {
  if (seconds <= 0) return;
  for (const contender of contenders) {
    say(`warming Neo4j with ${contender}`);
    const server = await startServer(contender, neo4j);
    try {
      for (const target of targetsOf(contender, server.url)) await runLoad({ ...target, durationSeconds: seconds });
    } finally {
      await server.stop();
    }
  }
}

/** The machine a result was measured on, recorded beside every figure. */
export function describeMachine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}
