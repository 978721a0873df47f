import { createLogger } from '../../src/config/logger';
import { createDriver, Neo4jExecutor, type Neo4jConnectionOptions } from '../../src/neo4j/neo4j-executor';

/**
 * How tests reach the test database of the global setup: its URI, and the credentials the setup
 * put in the environment (the local Neo4j's password) or that came with NEO4J_URI.
 */
export function testConnection(transactionTimeoutMs = 60_000): Neo4jConnectionOptions {
  return {
    uri: process.env.TEST_NEO4J_URI!,
    username: process.env.NEO4J_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
    transactionTimeoutMs,
  };
}

/** A driver and executor on the test database of the global setup, for tests below the API. */
export function testDatabase(transactionTimeoutMs = 60_000) {
  const options = testConnection(transactionTimeoutMs);
  const driver = createDriver(options);
  const executor = new Neo4jExecutor(driver, options, createLogger('silent'));
  return { driver, executor };
}
