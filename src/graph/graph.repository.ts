import { projectedEntityReader, projectionParameters, projectionVariant, type EntityProjection, type EntityRecord } from '../entity';
import { readCypher } from '../neo4j/cypher-files';
import { RELATION_TYPES } from '../ontology';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import { toRelationRecord, type RelationRecord, type StoredRelation } from '../relation';

export interface SubgraphRecord {
  nodes: EntityRecord[];
  relations: RelationRecord[];
}

/** A path search's answer: which ends exist, and the path when there is one between two. */
export interface PathSearch {
  start: EntityRecord | null;
  endFound: boolean;
  path: SubgraphRecord | null;
}

/** A validated integer, for a place in a query's text where Cypher accepts no parameter (a path's length bound). */
function bound(name: string, value: number): number {
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer`);
  return value;
}

/**
 * The relation types a path or a neighbourhood walks, as a pattern's alternatives
 * (`BORDERS|PART_OF|...`): the ontology's, which join entities only. Neo4j takes no parameter for
 * a relation type in a pattern, and expanding only these is cheaper than filtering every step.
 */
const WALKED_RELATION_TYPES = RELATION_TYPES.map((definition) => definition.type).join('|');

/** A subgraph query in the variant that reads entities and relations as the operation does, and its parameters. */
function subgraphQuery(file: string, bounds: Record<string, number>, read: SubgraphRead) {
  const variant = { ...bounds, relationTypes: WALKED_RELATION_TYPES, ...projectionVariant(read.entityProperties), withEvidence: read.withEvidence };
  return { text: readCypher(file, variant), params: projectionParameters(read.entityProperties) };
}

/**
 * The path query as the repository sends it, without the ends' ids. Exported, like the
 * neighbourhood's, for the benchmark's PROFILE of the service's own Cypher.
 */
export function shortestPathQuery(maxHops: number, read: SubgraphRead) {
  return subgraphQuery('queries/graph/shortest-path.cypher', { maxHops: bound('maxHops', maxHops) }, read);
}

/** The neighbourhood query as the repository sends it, without the centre's id and the limit. */
export function neighborhoodQuery(depth: number, read: SubgraphRead) {
  return subgraphQuery('queries/graph/neighborhood.cypher', { depth: bound('depth', depth) }, read);
}

/** What of entities and relations an operation reads (see EntityProjection): the rest is not fetched. */
export interface SubgraphRead {
  entityProperties: EntityProjection;
  withEvidence: boolean;
}

function toSubgraph(nodes: unknown[], relations: StoredRelation[], toEntity: (stored: unknown) => EntityRecord): SubgraphRecord {
  return { nodes: nodes.map(toEntity), relations: relations.map(toRelationRecord) };
}

export class GraphRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  async shortestPath(fromId: string, toId: string, maxHops: number, read: SubgraphRead): Promise<PathSearch> {
    const { text, params } = shortestPathQuery(maxHops, read);
    const [record] = await this.executor.read(text, { fromId, toId, ...params });
    const toEntity = projectedEntityReader(read.entityProperties);
    const start = record!.get('start') as unknown;
    const nodes = record!.get('nodes') as unknown[] | null;
    return {
      start: start == null ? null : toEntity(start),
      endFound: record!.get('endFound') as boolean,
      path: nodes && toSubgraph(nodes, record!.get('relations') as StoredRelation[], toEntity),
    };
  }

  async neighborhood(id: string, depth: number, limit: number, read: SubgraphRead): Promise<SubgraphRecord | null> {
    const { text, params } = neighborhoodQuery(depth, read);
    const [record] = await this.executor.read(text, { id, othersLimit: limit - 1, ...params });
    if (!record) return null;
    return toSubgraph(record.get('nodes') as unknown[], record.get('relations') as StoredRelation[], projectedEntityReader(read.entityProperties));
  }
}
