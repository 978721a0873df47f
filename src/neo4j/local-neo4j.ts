import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import neo4j, { Neo4jError } from 'neo4j-driver';
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

/** Where and as whom to connect to a local Neo4j. */
export interface LocalNeo4jConnection {
  uri: string;
  username: string;
  /** Generated on the data folder's first start and kept in it (see localNeo4jPassword). */
  password: string;
}

export interface LocalNeo4j extends LocalNeo4jConnection {
  pid: number;
  /** Settles when the Java process ends, whatever ended it: a stop, a crash, a kill. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/** The user Neo4j creates in a new system database, the one the initial password is set for. */
const LOCAL_USERNAME = 'neo4j';
const PASSWORD_FILE = 'neo4j-password';

/** The file in a data folder that holds its Bolt password. */
export function localNeo4jPasswordFile(dbmsHome: string): string {
  return path.join(path.resolve(dbmsHome), PASSWORD_FILE);
}

/**
 * The Bolt password of a data folder: read from its password file, or generated (256 random bits)
 * on the folder's first start. The file is readable by its owner alone (0600) and appears whole
 * or not at all: written under a temporary name, then linked into place, which fails if another
 * process created it first (whose password is then the one used).
 */
export function localNeo4jPassword(dbmsHome: string, log: Logger): string {
  const file = localNeo4jPasswordFile(dbmsHome);
  if (!existsSync(file)) {
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    // Hex, not base64url: a password starting with "-" would read as an option to neo4j-admin.
    writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(draft, file);
      log.info({ file }, 'Generated the password of the local Neo4j');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  // A copied or restored folder may have lost the file's mode; the password is worth nothing once others can read it.
  if ((statSync(file).mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    log.warn({ file }, 'The password file of the local Neo4j was readable by others; made it 0600');
  }
  return readFileSync(file, 'utf8').trim();
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

/**
 * Starts Neo4j embedded (src/neo4j/launcher/LocalNeo4j.java) with its data folder's password, and
 * resolves once Bolt answers to it. An aborted signal stops a start still waiting for Bolt.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions, log: Logger, signal?: AbortSignal): Promise<LocalNeo4j> {
  const libDir = ensureNeo4jJars(options.home, log);
  const dbmsHome = path.resolve(options.dbmsHome ?? path.join(options.home, 'dbms'));
  mkdirSync(dbmsHome, { recursive: true });
  const connection = { uri: `bolt://127.0.0.1:${options.boltPort}`, username: LOCAL_USERNAME, password: localNeo4jPassword(dbmsHome, log) };

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
      localNeo4jPasswordFile(dbmsHome),
      ...(options.pluginsDir ? [path.resolve(options.pluginsDir)] : []),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // A process group of its own: Ctrl-C in a terminal signals the whole foreground group, and
      // Neo4j must outlive the requests the service finishes as it shuts down. The service stops it
      // last; should the service die unannounced, the launcher sees its parent go and stops too.
      detached: true,
    },
  );
  const output = captureOutput(java);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    java.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal })),
  );
  java.once('error', (error) => log.error({ err: error }, 'could not run java (Java 17+ is needed, or set NEO4J_URI)'));
  const isRunning = () => java.exitCode === null && java.signalCode === null;
  const stop = async () => {
    if (!isRunning()) return;
    java.kill('SIGTERM');
    const timer = setTimeout(() => java.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
    log.info({ neo4jPid: java.pid }, 'Local Neo4j stopped');
  };

  log.info({ uri: connection.uri, dbmsHome }, 'Starting the local Neo4j');
  const outcome = await waitForBolt(connection, () => isRunning() && !signal?.aborted);
  if (outcome !== 'up') {
    await stop();
    if (outcome === 'refused') {
      throw new Error(
        `the local Neo4j in ${dbmsHome} refuses the password in ${localNeo4jPasswordFile(dbmsHome)}: its user neo4j has ` +
          'another one (changed by hand?). Put that password in the file, or start from an empty data folder',
      );
    }
    if (signal?.aborted) throw new Error('the start of the local Neo4j was cancelled');
    throw new Error(`the local Neo4j did not start: ${output().slice(-2000) || 'no output'}`);
  }
  log.info({ uri: connection.uri, neo4jPid: java.pid }, 'Local Neo4j is up');
  return { ...connection, pid: java.pid ?? -1, exited, stop };
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

/**
 * Polls until Bolt accepts the connection's password ('up'), refuses it ('refused': waiting will
 * not change its mind), or the process stops running or the wait times out ('gone').
 */
async function waitForBolt(connection: LocalNeo4jConnection, isRunning: () => boolean): Promise<'up' | 'refused' | 'gone'> {
  const deadline = Date.now() + BOLT_WAIT_MS;
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password), { connectionTimeout: 2_000 });
  try {
    while (Date.now() < deadline && isRunning()) {
      try {
        await driver.verifyConnectivity();
        return 'up';
      } catch (error) {
        if (error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Security.')) return 'refused';
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    return 'gone';
  } finally {
    await driver.close();
  }
}
