import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getRandomPort } from 'get-port-please';
import { applyMigrations, createDriver, createLogger, fromProjectRoot, loadConfig, Neo4jExecutor, startLocalNeo4j, type LocalNeo4j, type Logger } from '../../src/index';
import { Corpus, GENERATOR_VERSION, type ScaleName } from '../generator/corpus';
import { loadCorpus, type LoadReport } from '../generator/load';

const APOC_POM = fromProjectRoot('bench', 'apoc', 'pom.xml');
/** Shared with the service's jars (.neo4j is git-ignored); only the benchmark's Neo4j loads it. */
export const PLUGINS_DIR = fromProjectRoot('.neo4j', 'plugins');
/** BENCH_DATA_DIR moves the data folders elsewhere (experiments that must not replace a loaded scale). */
export const DATA_DIR = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : fromProjectRoot('bench', 'data');
/**
 * Concurrent write transactions while loading a corpus: with two, Neo4j writes one batch while
 * the next is sent (large: 279.5 s against 303.2 s with one, on this machine's 2 cores).
 */
export const DEFAULT_WRITERS = 2;

export interface BenchNeo4jOptions {
  heap: string;
  pageCacheMb: number;
}

/** APOC core into .neo4j/plugins, once (a marker records the pom it came from). */
export function ensureApoc(say: (line: string) => void): string {
  const marker = path.join(PLUGINS_DIR, '.fetched-from-pom');
  const pom = readFileSync(APOC_POM, 'utf8');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === pom) return PLUGINS_DIR;
  say('Fetching APOC core from Maven Central into .neo4j/plugins (first run only)...');
  mkdirSync(PLUGINS_DIR, { recursive: true });
  // Libraries APOC brings that are already among Neo4j's own jars (lib/), in the same or newer versions.
  const args = ['-q', '-B', '-f', APOC_POM, 'dependency:copy-dependencies', `-DoutputDirectory=${PLUGINS_DIR}`,
    '-DincludeScope=runtime', '-DexcludeArtifactIds=commons-lang3,commons-text,asm,slf4j-api'];
  for (let attempt = 1; ; attempt++) {
    const result = spawnSync('mvn', args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.error) throw new Error(`Maven is needed to fetch APOC (${result.error.message})`);
    if (result.status === 0) break;
    if (attempt === 3) throw new Error('mvn dependency:copy-dependencies for APOC failed 3 times');
  }
  writeFileSync(marker, pom);
  return PLUGINS_DIR;
}

function scaleDir(scale: ScaleName): string {
  return path.join(DATA_DIR, scale);
}

function reportPath(scale: ScaleName): string {
  return path.join(scaleDir(scale), 'load-report.json');
}

export function readLoadReport(scale: ScaleName): LoadReport | undefined {
  const file = reportPath(scale);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LoadReport) : undefined;
}

/** The benchmark's own Neo4j: its own data folder under bench/data/<scale>, a free Bolt port, APOC. */
export async function startBenchNeo4j(scale: ScaleName, options: BenchNeo4jOptions, say: (line: string) => void): Promise<LocalNeo4j> {
  const pluginsDir = ensureApoc(say);
  return startLocalNeo4j(
    {
      home: fromProjectRoot('.neo4j'),
      dbmsHome: path.join(scaleDir(scale), 'dbms'),
      boltPort: await getRandomPort('127.0.0.1'),
      heap: options.heap,
      pageCacheMb: options.pageCacheMb,
      pluginsDir,
    },
    createLogger('warn'),
  );
}

/**
 * Starts the benchmark's Neo4j for a scale, generating and loading the corpus first when the
 * data folder does not hold this scale, seed and generator version (a load is never resumed:
 * a stale or partial folder is removed and loaded afresh).
 */
export async function startLoadedNeo4j(
  scale: ScaleName,
  seed: string,
  options: BenchNeo4jOptions & { reload?: boolean; writers?: number },
  say: (line: string) => void,
): Promise<{ neo4j: LocalNeo4j; report: LoadReport; loadedNow: boolean }> {
  const existing = readLoadReport(scale);
  const fresh = !options.reload && existing && existing.seed === seed && existing.generatorVersion === GENERATOR_VERSION;
  if (!fresh) rmSync(scaleDir(scale), { recursive: true, force: true });
  mkdirSync(scaleDir(scale), { recursive: true });
  const neo4j = await startBenchNeo4j(scale, options, say);
  if (fresh) return { neo4j, report: existing, loadedNow: false };

  try {
    const driver = createDriver({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password, database: 'neo4j', transactionTimeoutMs: 600_000 });
    try {
      const log = createLogger('warn');
      await applyMigrations(new Neo4jExecutor(driver, { database: 'neo4j', transactionTimeoutMs: 600_000 }, log), log);
      say(`Generating and loading the ${scale} corpus (seed ${seed})...`);
      const corpus = new Corpus(scale, seed);
      const report = await loadCorpus(driver, corpus, (line) => say(`  ${line}`), options.writers ?? DEFAULT_WRITERS);
      // The full-text index fills in the background; searches must not race its population.
      const session = driver.session();
      try {
        const started = performance.now();
        await session.run('CALL db.awaitIndexes(1800)');
        say(`  indexes online after ${((performance.now() - started) / 1000).toFixed(1)} s more`);
      } finally {
        await session.close();
      }
      writeFileSync(reportPath(scale), `${JSON.stringify(report, null, 2)}\n`);
      return { neo4j, report, loadedNow: true };
    } finally {
      await driver.close();
    }
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
}

export interface FreshNeo4j {
  uri: string;
  username: string;
  password: string;
  pid: number;
  executor: Neo4jExecutor;
  log: Logger;
}

/**
 * A local Neo4j with the service's migrations on a data folder of its own (DATA_DIR/<name>,
 * emptied first and deleted after), for a bench that measures writes into a new install; it is
 * stopped when `work` ends. Connection settings are the service's (loadConfig).
 */
export async function withFreshNeo4j<T>(name: string, options: BenchNeo4jOptions, work: (neo4j: FreshNeo4j) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger('warn');
  const dbmsHome = path.join(DATA_DIR, name);
  rmSync(dbmsHome, { recursive: true, force: true });
  try {
    const neo4j = await startLocalNeo4j({ home: fromProjectRoot('.neo4j'), dbmsHome, boltPort: await getRandomPort('127.0.0.1'), ...options }, log);
    const driver = createDriver({ ...config.neo4j, uri: neo4j.uri, username: neo4j.username, password: neo4j.password });
    try {
      const executor = new Neo4jExecutor(driver, config.neo4j, log);
      await applyMigrations(executor, log);
      return await work({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password, pid: neo4j.pid, executor, log });
    } finally {
      await driver.close();
      await neo4j.stop();
    }
  } finally {
    rmSync(dbmsHome, { recursive: true, force: true });
  }
}
