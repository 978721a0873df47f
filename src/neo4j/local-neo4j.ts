import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { Logger } from '../config/logger';
import { fromProjectRoot } from '../config/project-root';

const LAUNCHER_DIR = fromProjectRoot('src', 'neo4j', 'launcher');
const POM = path.join(LAUNCHER_DIR, 'pom.xml');
const BOLT_WAIT_MS = 180_000;
const STOP_GRACE_MS = 30_000;

/** Neo4j's own launcher opens these packages to Netty and the page cache. */
const JVM_OPENS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

export interface LocalNeo4jOptions {
  /** Holds lib/ (the jars) and, unless dbmsHome is given, dbms/ (the persistent data). */
  home: string;
  dbmsHome?: string;
  boltPort: number;
  heap: string;
  pageCacheMb: number;
  /** A folder of plugin jars (APOC for the benchmark); their `apoc.*` procedures run unrestricted. */
  pluginsDir?: string;
}

/**
 * The server's own limit, a backstop for clients that set none (cypher-shell, scripts). The
 * service sets its limit on every transaction, and batch work such as the seed may need more
 * than a request gets, so the backstop must not be the smaller of the two.
 */
const SERVER_TRANSACTION_TIMEOUT_SECONDS = 600;

export interface LocalNeo4j {
  uri: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Copies the Neo4j Community jars from Maven Central into <home>/lib once. A marker file
 * records which pom they came from, so a version bump fetches again and a finished fetch is
 * never repeated (Maven Central rate-limits bursts).
 */
export function ensureNeo4jJars(home: string, log: Logger): string {
  const libDir = path.resolve(home, 'lib');
  const marker = path.join(libDir, '.fetched-from-pom');
  const pom = readFileSync(POM, 'utf8');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === pom) return libDir;

  log.info({ libDir }, 'Fetching the Neo4j Community jars from Maven Central (first run only, about 125 MB)...');
  mkdirSync(libDir, { recursive: true });
  const mvnArgs = ['-q', '-B', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${libDir}`];
  for (let attempt = 1; ; attempt++) {
    const result = spawnSync('mvn', mvnArgs, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.error) throw new Error(`Maven is needed to fetch Neo4j (${result.error.message}); or set NEO4J_URI`);
    if (result.status === 0) break;
    if (attempt === 3) throw new Error(`mvn dependency:copy-dependencies failed ${attempt} times`);
    log.warn({ attempt }, 'Maven failed to fetch the Neo4j jars, retrying');
  }
  writeFileSync(marker, pom);
  log.info('Neo4j jars ready');
  return libDir;
}

/** Starts Neo4j embedded (src/neo4j/launcher/LocalNeo4j.java) and resolves once Bolt answers. */
export async function startLocalNeo4j(options: LocalNeo4jOptions, log: Logger): Promise<LocalNeo4j> {
  const libDir = ensureNeo4jJars(options.home, log);
  const dbmsHome = path.resolve(options.dbmsHome ?? path.join(options.home, 'dbms'));
  mkdirSync(dbmsHome, { recursive: true });
  const uri = `bolt://127.0.0.1:${options.boltPort}`;

  const java = spawn(
    'java',
    [
      `-Xms${options.heap}`,
      `-Xmx${options.heap}`,
      ...JVM_OPENS,
      '-cp',
      // Plugins go on the class path too: embedded Neo4j finds their extensions (APOC's config
      // component) only there, and loads their procedures from plugin_dir.
      [libDir, ...(options.pluginsDir ? [path.resolve(options.pluginsDir)] : [])].map((dir) => `${dir}${path.sep}*`).join(path.delimiter),
      path.join(LAUNCHER_DIR, 'LocalNeo4j.java'),
      dbmsHome,
      String(options.boltPort),
      String(options.pageCacheMb),
      String(SERVER_TRANSACTION_TIMEOUT_SECONDS),
      ...(options.pluginsDir ? [path.resolve(options.pluginsDir)] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = captureOutput(java);
  const exited = new Promise<number | null>((resolve) => java.once('exit', (code) => resolve(code)));
  java.once('error', (error) => log.error({ err: error }, 'could not run java (Java 17+ is needed, or set NEO4J_URI)'));

  log.info({ uri, dbmsHome }, 'Starting the local Neo4j');
  const isRunning = () => java.exitCode === null && java.signalCode === null;
  if (!(await waitForBolt(uri, isRunning))) {
    java.kill('SIGKILL');
    throw new Error(`the local Neo4j did not start: ${output().slice(-2000) || 'no output'}`);
  }
  log.info({ uri, neo4jPid: java.pid }, 'Local Neo4j is up');

  return {
    uri,
    pid: java.pid ?? -1,
    async stop() {
      if (java.exitCode !== null || java.signalCode !== null) return;
      java.kill('SIGTERM');
      const timer = setTimeout(() => java.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      log.info('Local Neo4j stopped');
    },
  };
}

function captureOutput(child: ChildProcess): () => string {
  let text = '';
  const append = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => text;
}

async function waitForBolt(uri: string, isRunning: () => boolean): Promise<boolean> {
  const deadline = Date.now() + BOLT_WAIT_MS;
  const driver = neo4j.driver(uri, undefined, { connectionTimeout: 2_000 });
  try {
    while (Date.now() < deadline && isRunning()) {
      try {
        await driver.verifyConnectivity();
        return true;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    return false;
  } finally {
    await driver.close();
  }
}
