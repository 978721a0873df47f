import { randomBytes } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';

/**
 * Each test file writes under its own random token (in names, hence in ids) and removes
 * every node whose id carries it, so files can run in any order, or at once, on one database.
 */
export class TestData {
  readonly token = randomBytes(4).toString('hex');
  private readonly driver: Driver = neo4j.driver(process.env.TEST_NEO4J_URI!, undefined, {
    disableLosslessIntegers: true,
  });

  /** A name unique to this file, e.g. "Test Person 1a2b3c4d". */
  name(base: string): string {
    return `${base} ${this.token}`;
  }

  async query(cypher: string, params: Record<string, unknown> = {}) {
    const { records } = await this.driver.executeQuery(cypher, params);
    return records.map((record) => record.toObject());
  }

  /** Nodes and relationships in the whole database: for "nothing changed" assertions. */
  async counts(): Promise<{ nodes: number; relationships: number }> {
    const [row] = await this.query(
      'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    );
    return row as { nodes: number; relationships: number };
  }

  async cleanUp(): Promise<void> {
    await this.query('MATCH (n:Entity) WHERE n.id CONTAINS $token DETACH DELETE n', { token: this.token });
    await this.driver.close();
  }
}
