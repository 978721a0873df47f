import neo4j from 'neo4j-driver';
import { toEntityRecord, type EntityRecord, type StoredEntity } from '../entity/entity.record';
import { readCypher } from '../neo4j/cypher-files';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import { toRelationRecord, type StoredRelation } from '../relation/relation.record';
import type { RelationRecord } from '../relation/relation.type';

export interface SubgraphRecord {
  nodes: EntityRecord[];
  relations: RelationRecord[];
}

/** Puts a validated integer where Cypher accepts no parameter (a path's length bound). */
function withBound(template: string, name: string, value: number): string {
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer`);
  return template.replaceAll(`{{${name}}}`, String(value));
}

function toSubgraph(nodes: StoredEntity[], relations: StoredRelation[]): SubgraphRecord {
  return { nodes: nodes.map(toEntityRecord), relations: relations.map(toRelationRecord) };
}

export class GraphRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  async shortestPath(fromId: string, toId: string, maxHops: number): Promise<SubgraphRecord | null> {
    const query = withBound(readCypher('queries/graph/shortest-path.cypher'), 'maxHops', maxHops);
    const [record] = await this.executor.read(query, { fromId, toId });
    if (!record) return null;
    return toSubgraph(record.get('nodes') as StoredEntity[], record.get('relations') as StoredRelation[]);
  }

  async neighborhood(id: string, depth: number, limit: number): Promise<SubgraphRecord | null> {
    const query = withBound(readCypher('queries/graph/neighborhood.cypher'), 'depth', depth);
    const [record] = await this.executor.read(query, { id, othersLimit: neo4j.int(limit - 1) });
    if (!record) return null;
    return toSubgraph(record.get('nodes') as StoredEntity[], record.get('relations') as StoredRelation[]);
  }
}
