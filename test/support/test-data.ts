import { afterEach, beforeEach } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/neo4j/neo4j-executor';
import { testConnection } from './test-database';

/** A node as a "nothing changed" check compares it: all of it, not just that it exists. */
export interface SnapshotNode {
  id: string | null;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface SnapshotRelationship {
  from: string | null;
  type: string;
  to: string | null;
  properties: Record<string, unknown>;
}

/** What {@link TestData.snapshot} watches besides the test's own data and the seed. */
export interface Referenced {
  /** Ids a request names that are neither the test's own nor the seed's ("person:nobody-at-all"). */
  ids?: (string | null | undefined)[];
  /** Names a request writes that cannot carry the token (a blank name, 201 characters): compared trimmed, as upsertEntity stores them. */
  names?: (string | null | undefined)[];
}

/**
 * The ids of the seed graph (cypher/seed/graph.json), read as data rather than through src/ so
 * that this helper does not depend on where the seed loader lives.
 */
const SEED_IDS: string[] = (() => {
  const file = path.resolve(__dirname, '..', '..', 'cypher', 'seed', 'graph.json');
  const graph = JSON.parse(readFileSync(file, 'utf8')) as Record<'articles' | 'entities' | 'statistics', { id: string }[]>;
  return [...graph.articles, ...graph.entities, ...graph.statistics].map((node) => node.id);
})();

const SNAPSHOT = `
MATCH (n)
WITH n, any(token IN $tokens WHERE
       any(text IN [n.id, n.name, n.measure, n.articleId, n.sourceId, n.releaseId, n.entityId] + coalesce(n.aliases, []) WHERE toLower(text) CONTAINS token)) AS owned
WHERE owned OR n.id IN $named OR trim(n.name) IN $names
WITH collect(n) AS watched, collect(CASE WHEN owned THEN n END) AS ownNodes
CALL (watched, ownNodes) {
  UNWIND watched AS a
  MATCH (a)-[r]-(b)
  WHERE a IN ownNodes OR b IN watched
  RETURN collect(DISTINCT r) AS relationships
}
RETURN [n IN watched | {id: n.id, labels: labels(n), properties: properties(n)}] AS nodes,
       [r IN relationships | {from: startNode(r).id, type: type(r), to: endNode(r).id, properties: properties(r)}] AS relationships
`;

/**
 * Test data under random tokens, so that test files can run in any order, or at once, on one
 * database: each test writes under a token of its own (in names, hence in ids), and what a
 * file's tests share (written in beforeAll) carries the file's token. Construct it in a
 * describe block (or at the top of a file): it registers the hooks that switch tokens.
 */
export class TestData {
  /** The file's token: what beforeAll hooks write, shared by the file's tests. */
  private readonly fileToken = newToken();
  private testToken: string | undefined;
  private readonly tokens = [this.fileToken];
  private readonly driver: Driver = createDriver(testConnection());

  constructor() {
    beforeEach(() => {
      this.testToken = newToken();
      this.tokens.push(this.testToken);
    });
    afterEach(() => {
      this.testToken = undefined;
    });
  }

  /** The running test's token; outside a test (in beforeAll), the file's. */
  get token(): string {
    return this.testToken ?? this.fileToken;
  }

  /** A name unique to this test (or, in beforeAll, to this file), e.g. "Test Person 1a2b3c4d". */
  name(base: string): string {
    return `${base} ${this.token}`;
  }

  async query(cypher: string, params: Record<string, unknown> = {}) {
    const { records } = await this.driver.executeQuery(cypher, params);
    return records.map((record) => record.toObject());
  }

  /**
   * The part of the graph a "nothing changed" assertion compares, with every property: what
   * other test files write at the same time is not in it, and anything a refused request could
   * have written is. It holds
   * - the test's own nodes: an id, name, alias or measure (or a name key's entity id) carries
   *   the running test's token or the file's (what the file's tests share), and every
   *   relationship of these nodes, so a new entity or statistic, a new name key, a new link from
   *   one, or evidence merged into one shows;
   * - the seed's nodes and the relationships between two of them, which no test may change:
   *   a link between two seed entities, or a seed node or relation deleted, shows;
   * - the nodes a request names that are neither (`referenced`), and their relationships to
   *   any watched node, for inputs that cannot carry the token.
   * Relationships between a seed node and another file's node are left out: they are that
   * file's. Compare two snapshots taken with the same `referenced`.
   */
  async snapshot(referenced: Referenced = {}): Promise<{ nodes: SnapshotNode[]; relationships: SnapshotRelationship[] }> {
    const present = <T>(values: (T | null | undefined)[] = []) => values.filter((value): value is T => value != null);
    const [row] = await this.query(SNAPSHOT, {
      tokens: [this.fileToken, ...(this.testToken ? [this.testToken] : [])],
      named: [...SEED_IDS, ...present(referenced.ids)],
      names: present(referenced.names).map((name) => name.trim()),
    });
    const { nodes, relationships } = row as { nodes: SnapshotNode[]; relationships: SnapshotRelationship[] };
    return {
      nodes: sortedBy(nodes, (node) => `${node.id} ${JSON.stringify(node.properties)}`),
      relationships: sortedBy(relationships, (relation) => `${relation.from} ${relation.type} ${relation.to} ${JSON.stringify(relation.properties)}`),
    };
  }

  /**
   * Removes every node that carries one of this file's tokens (a test's or the file's), the
   * name keys of its entities, the proposals of its articles, its datasets (whose releases
   * and observations carry the dataset id in their release id), and the history of its writes
   * (the changes of its own things, or that touched one of them).
   */
  async cleanUp(): Promise<void> {
    await this.query(
      `MATCH (n)
       WHERE (n:Entity OR n:NameKey OR n:Proposal OR n:Quotation OR n:Dataset OR n:DatasetRelease OR n:DatasetReleaseStaging
              OR n:Observation OR n:ObservationTotal OR n:ObservationSubtotal OR n:Change)
         AND any(token IN $tokens WHERE
               any(text IN [n.id, n.name, n.measure, n.articleId, n.sourceId, n.releaseId, n.entityId, n.what]
                           + coalesce(n.aliases, []) + coalesce(n.entityIds, []) WHERE toLower(text) CONTAINS token))
       DETACH DELETE n`,
      { tokens: this.tokens },
    );
    await this.driver.close();
  }
}

function newToken(): string {
  return randomBytes(4).toString('hex');
}

/** In a stable order, so that two snapshots compare element by element (and a diff shows what changed). */
function sortedBy<T>(items: T[], key: (item: T) => string): T[] {
  return items
    .map((item) => ({ key: key(item), item }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);
}
