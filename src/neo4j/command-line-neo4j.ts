import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import { startLocalNeo4j } from './local-neo4j';
import { applyMigrations } from './migrations';
import { createDriver, Neo4jExecutor } from './neo4j-executor';

/**
 * What every command-line entry (`npm run seed`, `ingest`, `import`) does around its work: the
 * configured Neo4j (the local one, started here, when NEO4J_URI is unset), migrated, and then
 * closed and stopped whatever the work does. The service keeps its own start-up (src/app/app.ts):
 * it reports readiness on the way.
 */
export async function withMigratedNeo4j<T>(config: Config, log: Logger, work: (executor: Neo4jExecutor) => Promise<T>): Promise<T> {
  const local = config.neo4j.uri ? undefined : await startLocalNeo4j(config.localNeo4j, log);
  const driver = createDriver(local ? { ...config.neo4j, uri: local.uri, username: local.username, password: local.password } : { ...config.neo4j, uri: config.neo4j.uri! });
  try {
    const executor = new Neo4jExecutor(driver, config.neo4j, log);
    await applyMigrations(executor, log);
    return await work(executor);
  } finally {
    await driver.close();
    await local?.stop();
  }
}
