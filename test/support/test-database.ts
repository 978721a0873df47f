import { createLogger } from '../../src/config/logger';
import { createDriver, Neo4jExecutor } from '../../src/neo4j/neo4j-executor';

/** A driver and executor on the test database of the global setup, for tests below the API. */
export function testDatabase(transactionTimeoutMs = 60_000) {
  const options = {
    uri: process.env.TEST_NEO4J_URI!,
    username: process.env.NEO4J_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
    transactionTimeoutMs,
  };
  const driver = createDriver(options);
  const executor = new Neo4jExecutor(driver, options, createLogger('silent'));
  return { driver, executor };
}
