import 'reflect-metadata';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import { startLocalNeo4j } from '../src/neo4j/local-neo4j';
import { applyMigrations } from '../src/neo4j/migrations';
import { createDriver, Neo4jExecutor } from '../src/neo4j/neo4j-executor';
import { loadSeed } from '../src/seed';

/**
 * `npm run seed`: (re)loads the curated graph into the configured Neo4j (the local one when
 * NEO4J_URI is unset; stop `npm start` first, the local data folder has one owner at a time).
 * Loading MERGEs on ids, so it updates what the seed defines and keeps editors' additions.
 */
async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const local = config.neo4j.uri
    ? undefined
    : await startLocalNeo4j(config.localNeo4j, log);
  const driver = createDriver({ ...config.neo4j, uri: config.neo4j.uri ?? local!.uri });
  try {
    const executor = new Neo4jExecutor(driver, config.neo4j, log);
    await applyMigrations(executor, log);
    await loadSeed(executor, log);
  } finally {
    await driver.close();
    await local?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`border-kg: seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
