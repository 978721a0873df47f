import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { Neo4jError, type AuthToken } from 'neo4j-driver';
import { createLogger } from '../src/config/logger';
import { fromProjectRoot } from '../src/config/project-root';
import { localNeo4jPasswordFile, startLocalNeo4j, type LocalNeo4j } from '../src/neo4j/local-neo4j';
import { freePort } from './support/free-port';

const log = createLogger('silent');
const UNAUTHORIZED = 'Neo.ClientError.Security.Unauthorized';

/** The code Bolt refuses a connection with, or undefined when it accepts it. */
async function refusal(uri: string, auth?: AuthToken): Promise<string | undefined> {
  const driver = neo4j.driver(uri, auth);
  try {
    await driver.verifyConnectivity();
    return undefined;
  } catch (error) {
    return error instanceof Neo4jError ? error.code : String(error);
  } finally {
    await driver.close();
  }
}

describe('the Bolt port of a local Neo4j', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'border-kg-auth-'));
  // Reuse the jars the global setup fetched; the data folders are this test's own.
  symlinkSync(fromProjectRoot('.neo4j', 'lib'), path.join(home, 'lib'));
  let local: LocalNeo4j | undefined;
  const start = async (dbmsHome: string) => {
    local = await startLocalNeo4j({ home, dbmsHome, boltPort: await freePort(), heap: '512m', pageCacheMb: 64 }, log);
    return local;
  };

  afterAll(async () => {
    await local?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it("refuses connections without the data folder's password, generated on the first start into a 0600 file and reused", async () => {
    const dbmsHome = path.join(home, 'fresh');
    const first = await start(dbmsHome);
    const file = localNeo4jPasswordFile(dbmsHome);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(first.password).toBe(password);
    expect(await refusal(first.uri)).toBe(UNAUTHORIZED);
    expect(await refusal(first.uri, neo4j.auth.basic('neo4j', 'neo4j'))).toBe(UNAUTHORIZED);
    expect(await refusal(first.uri, neo4j.auth.basic('neo4j', password))).toBeUndefined();
    await first.stop();

    const second = await start(dbmsHome);
    expect(second.password).toBe(password);
    expect(readFileSync(file, 'utf8').trim()).toBe(password);
    expect(await refusal(second.uri, neo4j.auth.basic('neo4j', password))).toBeUndefined();
    expect(await refusal(second.uri)).toBe(UNAUTHORIZED);
    await second.stop();
  }, 300_000);

  it('takes a password that starts with "-", as an older folder may hold (neo4j-admin would read it as an option)', async () => {
    const dbmsHome = path.join(home, 'dashed');
    mkdirSync(dbmsHome, { recursive: true });
    const password = `-${'a'.repeat(40)}`;
    writeFileSync(localNeo4jPasswordFile(dbmsHome), `${password}\n`, { mode: 0o600 });
    const started = await start(dbmsHome);
    expect(started.password).toBe(password);
    expect(await refusal(started.uri, neo4j.auth.basic('neo4j', password))).toBeUndefined();
    await started.stop();
  }, 300_000);

  it('gives a data folder from before passwords one, and keeps its graph', async () => {
    const dbmsHome = path.join(home, 'passwordless');
    const made = spawnSync('java', ['-Xmx512m', '-cp', path.join(home, 'lib', '*'), fromProjectRoot('test', 'support', 'PasswordlessDbms.java'), dbmsHome], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(made.status).toBe(0);

    const migrated = await start(dbmsHome);
    expect(await refusal(migrated.uri)).toBe(UNAUTHORIZED);
    expect(await refusal(migrated.uri, neo4j.auth.basic('neo4j', 'neo4j'))).toBe(UNAUTHORIZED);
    const driver = neo4j.driver(migrated.uri, neo4j.auth.basic(migrated.username, migrated.password));
    try {
      const { records } = await driver.executeQuery('MATCH (m:LegacyMarker) RETURN m.note AS note');
      expect(records.map((record) => record.get('note'))).toEqual(['written before passwords']);
    } finally {
      await driver.close();
    }
    await migrated.stop();
  }, 300_000);
});
