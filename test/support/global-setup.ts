import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { createLogger } from '../../src/config/logger';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j/local-neo4j';
import { applyMigrations } from '../../src/neo4j/migrations';
import { fromProjectRoot } from '../../src/config/project-root';
import { loadStartupDatasets } from '../../src/dataset';
import { loadSeed } from '../../src/seed';
import { freePort } from './free-port';
import { testDatabase } from './test-database';

declare global {
  // Shared between global setup and teardown, which Jest runs in the same process.
  var localNeo4jForTests: LocalNeo4j | undefined;
}

/**
 * A data folder of this run's own (by process id), so two test runs on one machine (a developer's
 * and an editor's, or two workspaces) never share or delete each other's database.
 */
export const TEST_DBMS_HOME = fromProjectRoot('.neo4j', `test-dbms-${process.pid}`);

/**
 * Integration tests run against a real Neo4j: NEO4J_URI when set, otherwise a local one
 * started here on a free port with a fresh data folder. Either way the schema migrations, the
 * seed graph and the startup datasets are applied once; tests read them and own (and remove)
 * what they write.
 */
export default async function globalSetup(): Promise<void> {
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn');
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    rmSync(TEST_DBMS_HOME, { recursive: true, force: true });
    globalThis.localNeo4jForTests = await startLocalNeo4j(
      {
        home: fromProjectRoot('.neo4j'),
        dbmsHome: TEST_DBMS_HOME,
        boltPort: await freePort(),
        heap: '1g',
        pageCacheMb: 256,
      },
      log,
    );
    uri = globalThis.localNeo4jForTests.uri;
    // Where every client of the test database looks for credentials, as it would for a NEO4J_URI
    // (test-database.ts, services and command lines started by tests); Jest's workers inherit them.
    process.env.NEO4J_USERNAME = globalThis.localNeo4jForTests.username;
    process.env.NEO4J_PASSWORD = globalThis.localNeo4jForTests.password;
  }
  process.env.TEST_NEO4J_URI = uri;

  const { driver, executor } = testDatabase();
  try {
    await applyMigrations(executor, log);
    await loadSeed(executor, log);
    // As `npm start` does, before any test file starts a service: services started at once by
    // parallel test files then find the releases imported, instead of racing to import them.
    await loadStartupDatasets(executor, log);
  } finally {
    await driver.close();
  }
}
