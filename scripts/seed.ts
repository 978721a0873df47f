import 'reflect-metadata';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import { withMigratedNeo4j } from '../src/neo4j/command-line-neo4j';
import { loadSeed } from '../src/seed';

/**
 * `npm run seed`: (re)loads the curated graph into the configured Neo4j (the local one when
 * NEO4J_URI is unset; stop `npm start` first, the local data folder has one owner at a time).
 * Loading MERGEs on ids, so it updates what the seed defines and keeps editors' additions.
 */
async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  await withMigratedNeo4j(config, log, (executor) => loadSeed(executor, log));
}

main().catch((error: unknown) => {
  console.error(`border-kg: seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
