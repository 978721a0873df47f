import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger } from '../src/config/logger';
import { applyMigrations } from '../src/neo4j/migrations';
import { testDatabase } from './support/test-database';
import { loadSeed } from '../src/seed';
import { readSeedQuotations } from '../src/quotation';
import { readSeedGraph } from '../src/seed/seed-data';
import { listCypherFiles } from '../src/neo4j/cypher-files';

describe('migrations and seed', () => {
  const log = createLogger('silent');
  const { driver, executor } = testDatabase();

  const graph = readSeedGraph();
  const seedIds = [...graph.articles, ...graph.entities, ...graph.statistics].map((entity) => entity.id);

  /** Counted over the seed's own ids, so that what other tests write at the same time does not count. */
  async function seedCounts() {
    const [record] = await executor.read(
      `MATCH (n:Entity) WHERE n.id IN $seedIds
       WITH count(n) AS nodes, collect(n.id) AS ids
       OPTIONAL MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $seedIds AND b.id IN $seedIds
       RETURN nodes, ids, count(r) AS relationships, collect(r.id) AS relationIds`,
      { seedIds },
    );
    return {
      nodes: record!.get('nodes'),
      ids: [...record!.get('ids')].sort(),
      relationships: record!.get('relationships'),
      relationIds: [...record!.get('relationIds')].sort(),
    };
  }

  beforeAll(async () => {
    await driver.verifyConnectivity();
  });
  afterAll(async () => {
    await driver.close();
  });

  it('records each migration once: a second pass applies nothing', async () => {
    expect(await applyMigrations(executor, log)).toEqual([]);
    const records = await executor.read('MATCH (m:Migration) RETURN m.name AS name ORDER BY name');
    const files = listCypherFiles('migrations').filter((file) => file !== 'bootstrap.cypher');
    expect(records.map((record) => record.get('name'))).toEqual(files);
  });

  it('creates the id constraint and the full-text index', async () => {
    const constraints = await executor.read('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    expect(constraints[0]!.get('names')).toEqual(expect.arrayContaining(['entity_id_unique', 'migration_name_unique']));
    const indexes = await executor.read("SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN collect(name) AS names");
    expect([...indexes[0]!.get('names')].sort()).toEqual(['entity_search', 'quotation_search']);
    const quotationConstraints = await executor.read("SHOW CONSTRAINTS YIELD name WHERE name = 'quotation_id_unique' RETURN count(*) AS found");
    expect(quotationConstraints[0]!.get('found')).toBe(1);
  });

  it('loads the seed idempotently: a second load leaves the same nodes, ids and relationships', async () => {
    const before = await seedCounts();
    const quotationsBefore = await quotationCounts();
    await loadSeed(executor, log);
    expect(await seedCounts()).toEqual(before);
    expect(before.nodes).toBe(seedIds.length);
    expect(await quotationCounts()).toEqual(quotationsBefore);
    expect(quotationsBefore.nodes).toBe(readSeedQuotations().length);
  });

  /** The seed's quotations (cypher/seed/quotations.json) with every property, and their links. */
  async function quotationCounts() {
    const ids = readSeedQuotations().map((quotation) => quotation.id);
    const [record] = await executor.read(
      `MATCH (q:Quotation) WHERE q.id IN $ids
       WITH count(q) AS nodes, collect(properties(q)) AS properties, collect(q) AS quotations
       OPTIONAL MATCH (a)-[r:SAID|QUOTED_IN]-(q) WHERE q IN quotations
       RETURN nodes, properties, count(r) AS relationships, collect(a.id + '-' + type(r) + '-' + q.id) AS links`,
      { ids },
    );
    return {
      nodes: record!.get('nodes'),
      properties: [...record!.get('properties')].sort((a, b) => String(a.id).localeCompare(String(b.id))),
      relationships: record!.get('relationships'),
      links: [...record!.get('links')].sort(),
    };
  }
});
