import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger } from '../src/config/logger';
import { applyMigrations } from '../src/neo4j/migrations';
import { testDatabase } from './support/test-database';
import { loadSeed, seedState } from '../src/seed';
import { TestData } from './support/test-data';
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

  it('creates the id constraint and the full-text indexes', async () => {
    const constraints = await executor.read('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    expect(constraints[0]!.get('names')).toEqual(expect.arrayContaining(['entity_id_unique', 'migration_name_unique']));
    const indexes = await executor.read("SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN collect(name) AS names");
    expect([...indexes[0]!.get('names')].sort()).toEqual(['article_text_search', 'entity_search', 'quotation_search']);
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

  it('records the fingerprint of the seed it loaded, and reloads a seed that has changed since', async () => {
    expect(await seedState(executor)).toBe('current');
    await executor.write("MATCH (load:SeedLoad {name: 'curated'}) SET load.fingerprint = 'an-earlier-seed'");
    expect(await seedState(executor)).toBe('outdated');
    await loadSeed(executor, log);
    expect(await seedState(executor)).toBe('current');
  });

  describe('reloading a changed seed', () => {
    const data = new TestData();
    afterAll(async () => {
      await data.cleanUp();
    });

    it('removes what an earlier seed wrote and this one no longer holds, and keeps what editors wrote', async () => {
      const stale = `place:dropped-by-curators-${data.token}`;
      const edited = `place:written-by-an-editor-${data.token}`;
      await data.query(
        `CREATE (stale:Entity:Place {id: $stale, kind: 'PLACE', name: $stale, aliases: [], seedFingerprint: 'an-earlier-seed'})
         CREATE (edited:Entity:Place {id: $edited, kind: 'PLACE', name: $edited, aliases: []})
         WITH stale, edited
         MATCH (canada:Entity {id: 'place:canada'}), (mexico:Entity {id: 'place:mexico'})
         CREATE (stale)-[:BORDERS {id: 'stale-link', evidence: [], seedFingerprint: 'an-earlier-seed'}]->(canada)
         CREATE (edited)-[:BORDERS {id: 'edited-link', evidence: []}]->(canada)
         CREATE (canada)-[:SEPARATES {id: 'stale-seed-link', evidence: [], seedFingerprint: 'an-earlier-seed'}]->(mexico)`,
        { stale, edited },
      );
      await loadSeed(executor, log);
      const rows = await data.query(
        `RETURN EXISTS { MATCH (:Entity {id: $stale}) } AS staleNode,
                EXISTS { MATCH (:Entity {id: $edited})-[:BORDERS]->(:Entity {id: 'place:canada'}) } AS editedLink,
                EXISTS { MATCH (:Entity {id: 'place:canada'})-[:SEPARATES]->(:Entity {id: 'place:mexico'}) } AS staleSeedLink`,
        { stale, edited },
      );
      expect(rows).toEqual([{ staleNode: false, editedLink: true, staleSeedLink: false }]);
    });
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
