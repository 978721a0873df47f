import type { Logger } from '../config/logger';
import { listCypherFiles, readCypher, splitStatements } from './cypher-files';
import type { Neo4jExecutor } from './neo4j-executor';

/**
 * Applies cypher/migrations/*.cypher in order, each once: a (:Migration {name}) node records
 * what ran. Statements use IF NOT EXISTS, so a migration interrupted half-way is safe to rerun.
 */
export async function applyMigrations(executor: Neo4jExecutor, log: Logger): Promise<string[]> {
  await executor.runAutoCommit(readCypher('migrations/bootstrap.cypher'));
  const appliedRecords = await executor.read('MATCH (m:Migration) RETURN m.name AS name');
  const applied = new Set(appliedRecords.map((record) => record.get('name') as string));
  const newlyApplied: string[] = [];
  for (const file of listCypherFiles('migrations')) {
    if (file === 'bootstrap.cypher' || applied.has(file)) continue;
    for (const statement of splitStatements(readCypher(`migrations/${file}`))) {
      await executor.runAutoCommit(statement);
    }
    await executor.write('MERGE (m:Migration {name: $name}) ON CREATE SET m.appliedAt = datetime()', { name: file });
    newlyApplied.push(file);
    log.info({ migration: file }, 'Migration applied');
  }
  // Indexes fill in the background; queries that rely on them must not race their population.
  await executor.runAutoCommit('CALL db.awaitIndexes(300)');
  return newlyApplied;
}
