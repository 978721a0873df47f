import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import neo4j, { type Driver } from 'neo4j-driver';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, writeBackupFile, type BackupRecord } from '../src/backup/backup-file';
import { createLogger } from '../src/config/logger';
import { fromProjectRoot } from '../src/config/project-root';
import { loadStartupDatasets } from '../src/dataset';
import { listCypherFiles } from '../src/neo4j/cypher-files';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j/local-neo4j';
import { applyMigrations } from '../src/neo4j/migrations';
import { createDriver, Neo4jExecutor } from '../src/neo4j/neo4j-executor';
import { loadSeed } from '../src/seed';
import { freePort } from './support/free-port';

// `npm test` builds first (pretest): these are what `npm run backup` and `npm run restore` run.
const BACKUP = fromProjectRoot('dist', 'scripts', 'backup.js');
const RESTORE = fromProjectRoot('dist', 'scripts', 'restore.js');

const log = createLogger('silent');

/** A node and relationship as compared: everything about them but their database's ids. */
interface GraphDigest {
  nodes: string[];
  relationships: string[];
  schema: string[];
}

/**
 * A value in a form that tells every Cypher type apart: read through a driver with lossless
 * integers (Integer objects, floats as numbers), independently of the backup's own encoding.
 */
function canonical(value: unknown): string {
  if (neo4j.isInt(value)) return `int:${value.toString()}`;
  if (typeof value === 'number') return `float:${Object.is(value, -0) ? '-0' : String(value)}`;
  if (typeof value === 'string') return `string:${JSON.stringify(value)}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    // Temporal and spatial values: their class and every field (an offset and a zone both).
    return `${value.constructor.name}{${Object.entries(value).map(([key, field]) => `${key}=${canonical(field)}`).join(',')}}`;
  }
  return String(value);
}

const canonicalProperties = (properties: Record<string, unknown>) =>
  `{${Object.keys(properties)
    .sort()
    .map((key) => `${key}:${canonical(properties[key])}`)
    .join(',')}}`;

/**
 * The whole graph, sorted: each node by its labels and properties, each relationship by its type,
 * properties and the digests of its two ends (the natural key of a node is all of it), and the
 * schema's constraints and indexes by name.
 */
async function graphDigest(driver: Driver): Promise<GraphDigest> {
  const { records: nodeRecords } = await driver.executeQuery('MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties');
  const keys = new Map<string, string>();
  const nodes = nodeRecords.map((record) => {
    const node = `(${[...(record.get('labels') as string[])].sort().join(':')} ${canonicalProperties(record.get('properties'))})`;
    keys.set(record.get('id'), createHash('sha256').update(node).digest('hex').slice(0, 16));
    return node;
  });
  const { records: relationshipRecords } = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN elementId(a) AS start, type(r) AS type, properties(r) AS properties, elementId(b) AS end',
  );
  const relationships = relationshipRecords.map(
    (record) => `${keys.get(record.get('start'))}-[${record.get('type')} ${canonicalProperties(record.get('properties'))}]->${keys.get(record.get('end'))}`,
  );
  const { records: schemaRecords } = await driver.executeQuery('SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties');
  const schema = schemaRecords.map((record) => JSON.stringify(record.toObject()));
  return { nodes: nodes.sort(), relationships: relationships.sort(), schema: schema.sort() };
}

/** What one sorted list holds that the other lacks, a few of each, for a readable failure. */
function differences(before: string[], after: string[]) {
  const missing = (from: string[], other: string[]) => {
    const left = new Map<string, number>();
    for (const item of other) left.set(item, (left.get(item) ?? 0) + 1);
    return from.filter((item) => {
      const n = left.get(item) ?? 0;
      left.set(item, n - 1);
      return n <= 0;
    });
  };
  return { lost: missing(before, after).slice(0, 5), gained: missing(after, before).slice(0, 5) };
}

describe('npm run backup and npm run restore', () => {
  // A Neo4j of this file's own: the test empties it, which the shared test database must never be.
  const home = mkdtempSync(path.join(os.tmpdir(), 'border-kg-backup-'));
  symlinkSync(fromProjectRoot('.neo4j', 'lib'), path.join(home, 'lib'));
  const file = path.join(home, 'graph.jsonl.gz');
  let instance: LocalNeo4j | undefined;
  let driver: Driver;
  let before: GraphDigest;

  /** The real command line against this file's Neo4j, output piped as in CI. */
  function run(script: string, ...args: string[]) {
    const result = spawnSync(process.execPath, [script, ...args], {
      env: { ...process.env, NEO4J_URI: instance!.uri, NEO4J_USERNAME: instance!.username, NEO4J_PASSWORD: instance!.password, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 240_000,
    });
    // Errors are told in a line with a stable code, never with a stack trace.
    expect(result.stderr).not.toMatch(/\n\s+at /);
    return result;
  }

  /** Every node but the ledger of migrations, which the restore's own migration pass writes. */
  async function nodesBesidesLedger(): Promise<number> {
    const { records } = await driver.executeQuery('MATCH (n) WHERE NOT n:Migration RETURN count(n) AS nodes');
    return (records[0]!.get('nodes') as { toNumber(): number }).toNumber();
  }

  /** Empties the database as an operator would; CALL … IN TRANSACTIONS needs an auto-commit statement, which executeQuery is not. */
  async function wipe(): Promise<void> {
    const session = driver.session();
    try {
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    } finally {
      await session.close();
    }
  }

  /** A copy of the backup with its text changed by `edit`. */
  function tampered(name: string, edit: (text: string) => string): string {
    const copy = path.join(home, name);
    writeFileSync(copy, gzipSync(Buffer.from(edit(gunzipSync(readFileSync(file)).toString('utf8')), 'utf8')));
    return copy;
  }

  beforeAll(async () => {
    instance = await startLocalNeo4j({ home, boltPort: await freePort(), heap: '512m', pageCacheMb: 64 }, log);
    const connection = { uri: instance.uri, username: instance.username, password: instance.password, database: 'neo4j', transactionTimeoutMs: 120_000 };
    const serviceDriver = createDriver(connection);
    try {
      const executor = new Neo4jExecutor(serviceDriver, connection, log);
      await applyMigrations(executor, log);
      await loadSeed(executor, log);
      await loadStartupDatasets(executor, log);
    } finally {
      await serviceDriver.close();
    }
    // Lossless integers: what the graph holds, read without the service's conversions.
    driver = neo4j.driver(instance.uri, neo4j.auth.basic(instance.username, instance.password));
    // Values the seed has none of, and shapes it lacks: a node without labels, a self-loop, twin relationships.
    await driver.executeQuery(`
      CREATE (types:BackupProbe {
        key: 'types', big: 9007199254740993, smallest: -9223372036854775808, float: 1.0, floats: [1.0, 2.5],
        notANumber: 0.0 / 0.0, negativeZero: -0.0, infinite: 1.0 / 0.0,
        text: 'Москва 北京 🇨🇦 "quoted"\nnext line', flag: false,
        bornOn: date('1867-07-01'), ancient: date('-0044-03-15'),
        firstAt: datetime('2024-11-03T01:30:00-04:00[America/New_York]'), secondAt: datetime('2024-11-03T01:30:00-05:00[America/New_York]'),
        offsetAt: datetime('2024-03-10T12:00:00.123456789+05:30'), localAt: localdatetime('2024-02-29T23:59:59.999999999'),
        opensAt: time('09:00:00.000000001-03:30'), closesAt: localtime('17:00'),
        lasted: duration('P1Y2M3DT4.000000005S'), place: point({longitude: -75.7, latitude: 45.4}), spot: point({x: 1, y: 2, z: 3}),
        nothing: [], integers: [1, 9007199254740993], dates: [date('2020-01-01'), date('2021-06-30')]
      })
      CREATE (unlabelled {key: 'no label'})
      CREATE (types)-[:\`PROBED BY\` {weight: 0.5, count: 3, at: datetime('2025-01-01T00:00:00Z')}]->(unlabelled)
      CREATE (types)-[:SELF]->(types)
      CREATE (unlabelled)-[:TWIN]->(types), (unlabelled)-[:TWIN]->(types)
    `);
    before = await graphDigest(driver);
  }, 600_000);

  afterAll(async () => {
    await driver?.close();
    await instance?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('are the npm scripts docs/operations.md names', () => {
    const { scripts } = JSON.parse(readFileSync(fromProjectRoot('package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.backup).toBe('npm run build --silent && node dist/scripts/backup.js');
    expect(scripts.restore).toBe('npm run build --silent && node dist/scripts/restore.js');
  });

  it('backs up every node and relationship, and never overwrites a file', () => {
    const backup = run(BACKUP, '--out', file);
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain(`Summary: backed up ${before.nodes.length.toLocaleString('en-US')} nodes and ${before.relationships.length.toLocaleString('en-US')} relationships`);
    expect(backup.stdout).toMatch(/^ {2}sha256 of the content: [0-9a-f]{64}$/m);
    expect(backup.stdout).toMatch(/^ {2}nodes by label: .*Entity [\d,]+.*BackupProbe 1/m);
    expect(backup.stdout).toMatch(/^ {2}relationships by type: .*TWIN 2/m);

    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0]!);
    expect(header).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_FORMAT_VERSION, neo4j: { version: expect.stringMatching(/^5\./), database: 'neo4j' } });
    expect(header.counts).toEqual({ nodes: before.nodes.length, relationships: before.relationships.length });
    expect(header.migrations).toEqual(listCypherFiles('migrations').filter((name) => name !== 'bootstrap.cypher'));
    expect(lines).toHaveLength(1 + before.nodes.length + before.relationships.length + 1);

    const again = run(BACKUP, '--out', file);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^border-kg backup: refused \(OUTPUT_EXISTS\): /);
  });

  it('refuses a damaged file before it writes anything, even before it migrates', async () => {
    await wipe();
    const edited = tampered('edited.jsonl.gz', (text) => text.replace('"Canada"', '"Kanada"'));
    const cut = path.join(home, 'cut.jsonl.gz');
    const whole = readFileSync(file);
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));

    for (const [damaged, code] of [
      [edited, 'CHECKSUM_MISMATCH'],
      [cut, 'TRUNCATED'],
    ] as const) {
      const restore = run(RESTORE, damaged);
      expect(restore.status).toBe(1);
      expect(restore.stderr).toMatch(new RegExp(`^border-kg restore: refused \\(${code}\\): .*\\nNothing was written\\.$`, 'm'));
    }
    const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS nodes');
    expect((records[0]!.get('nodes') as { toNumber(): number }).toNumber()).toBe(0);
  });

  it('removes what it wrote when it fails half-way, leaving the database empty again', async () => {
    // An intact file (its checksum holds) whose last relationship names a node it does not hold.
    const broken = path.join(home, 'broken.jsonl.gz');
    const records: BackupRecord[] = [
      { kind: 'node', id: 'a', labels: ['BackupProbe'], properties: { key: ['STRING', 'half-way'] } },
      { kind: 'node', id: 'b', labels: [], properties: {} },
      { kind: 'relationship', type: 'LINKS', start: 'a', end: 'b', properties: {} },
      { kind: 'relationship', type: 'LINKS', start: 'a', end: 'nowhere', properties: {} },
    ];
    async function* from(items: BackupRecord[]) {
      yield* items;
    }
    const header = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n', 1)[0]!);
    await writeBackupFile(broken, { ...header, counts: { nodes: 2, relationships: 2 } }, from(records));

    const restore = run(RESTORE, broken);
    expect(restore.status).toBe(3);
    expect(restore.stderr).toMatch(/^border-kg restore: failed \(RESTORE_FAILED\): the restore failed \(CORRUPT: 1 relationship\(s\) of the file name an end the file does not hold\); what it had written is removed and the database is empty again$/m);
    expect(await nodesBesidesLedger()).toBe(0);
    const { records: relationships } = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS relationships');
    expect((relationships[0]!.get('relationships') as { toNumber(): number }).toNumber()).toBe(0);
    // The ledger is whole again, and the restore's own index gone.
    expect((await graphDigest(driver)).schema).toEqual(before.schema);
  });

  it('restores every node and relationship exactly, types and all, into the emptied database', async () => {
    const restore = run(RESTORE, file);
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain(`Summary: restored ${before.nodes.length.toLocaleString('en-US')} nodes and ${before.relationships.length.toLocaleString('en-US')} relationships`);

    const after = await graphDigest(driver);
    expect(differences(before.nodes, after.nodes)).toEqual({ lost: [], gained: [] });
    expect(differences(before.relationships, after.relationships)).toEqual({ lost: [], gained: [] });
    expect(after).toEqual(before);
  });

  it('refuses to restore into a database that is not empty, and changes nothing', async () => {
    const restore = run(RESTORE, file);
    expect(restore.status).toBe(2);
    expect(restore.stderr).toMatch(/^border-kg restore: refused \(DATABASE_NOT_EMPTY\): the database holds [\d]+ nodes and [\d]+ relationships: .*\nNothing was written\.$/m);
    expect(await graphDigest(driver)).toEqual(before);
  });

  it('refuses to back up what a restore that did not finish left, whose temporary label it would lose', async () => {
    await driver.executeQuery("MATCH (probe:BackupProbe {key: 'types'}) SET probe:BorderKgRestoring");
    try {
      const backup = run(BACKUP, '--out', path.join(home, 'unfinished.jsonl.gz'));
      expect(backup.status).toBe(3);
      expect(backup.stderr).toMatch(/^border-kg backup: refused \(UNFINISHED_RESTORE\): the database holds 1 nodes of a restore that did not finish/);
    } finally {
      await driver.executeQuery("MATCH (probe:BackupProbe {key: 'types'}) REMOVE probe:BorderKgRestoring");
    }
  });
});
