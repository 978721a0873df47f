import neo4j, { type Driver, type ProfiledPlan } from 'neo4j-driver';
import {
  RelationDirection,
  escapeLucene,
  neighborhoodQuery,
  projectionParameters,
  projectionVariant,
  readCypher,
  relationPageQuery,
  shortestPathQuery,
  statisticPageQuery,
  withIntegerParams,
} from '../src/index';
import { CYPHER, type OperationName, type Sample } from './workload';

/**
 * PROFILE of the Cypher behind each operation, for the service's own queries (the ones its
 * repositories run, with the parameters they pass) and for the hand-written floor, on one
 * sampled argument and on the biggest hub the operation can meet. The service's resolvers may
 * run further queries (DataLoaders); the X-Cypher-Round-Trips column counts them.
 */

export interface PlanSummary {
  operation: OperationName;
  contender: 'border-kg' | 'cypher';
  query: string;
  case: string;
  sample: Sample;
  dbHits: number;
  rows: number;
  milliseconds: number;
  /** The operator tree, one line per operator: name, rows, db hits, details. */
  plan: string[];
}

/**
 * The properties of each operation's projection (src/entity/entity-projection.ts;
 * src/app/projection.test.ts checks these). A's and C's queries come from their repositories
 * (relationPageQuery, statisticPageQuery), D's and E's from theirs (neighborhoodQuery,
 * shortestPathQuery); B is read in the variant its repository picks (src/neo4j/cypher-files.ts).
 */
const SERVICE_PROJECTIONS: Record<OperationName, string[]> = {
  A: ['id', 'kind', 'name'],
  B: ['id', 'kind', 'name'],
  C: ['id', 'kind', 'measure', 'value', 'unit', 'periodStart', 'periodEnd', 'periodLabel', 'sourceId', 'name', 'title'],
  D: ['id', 'kind', 'name'],
  E: ['id', 'kind', 'name'],
};

function serviceQuery(operation: OperationName, sample: Sample): { file: string; query: string; params: Record<string, unknown> } {
  const projection = SERVICE_PROJECTIONS[operation];
  const asSent = (file: string, { text, params }: { text: string; params: Record<string, unknown> }) => ({ file, query: text, params: withIntegerParams(params) });
  const subgraphRead = { entityProperties: projection, withEvidence: false };
  const withIds = ({ text, params }: { text: string; params: Record<string, unknown> }, ids: Record<string, unknown>) => ({ text, params: { ...params, ...ids } });
  const read = (file: string, variant: Record<string, boolean | number>, params: Record<string, unknown>) =>
    asSent(file, { text: readCypher(file, { ...projectionVariant(projection), ...variant }), params: { ...params, ...projectionParameters(projection) } });
  switch (operation) {
    case 'A':
      return asSent(
        'queries/relation/of-entities.cypher',
        relationPageQuery([sample.id!], { types: null, direction: RelationDirection.BOTH, otherKinds: null }, { limit: 20, afterKey: null }, { entityProperties: projection, withEvidence: false, withTotalCount: false }),
      );
    case 'B':
      return read('queries/search/search.cypher', {}, { lucene: escapeLucene(sample.text!), exactKey: sample.text!.toLowerCase(), kinds: null, first: 10, candidates: 100 });
    case 'C':
      return asSent(
        'queries/statistic/page.cypher',
        statisticPageQuery(
          null,
          { measure: null, placeId: sample.placeId!, reportedById: null, sourceId: null, from: sample.from!, to: sample.to! },
          { limit: 50, afterKey: null },
          { entityProperties: projection, linked: { places: false, reporter: true, collector: false, sources: true }, withTotalCount: false },
        ),
      );
    case 'D':
      return asSent('queries/graph/neighborhood.cypher', withIds(neighborhoodQuery(2, subgraphRead), { id: sample.id, othersLimit: 199 }));
    case 'E':
      return asSent('queries/graph/shortest-path.cypher', withIds(shortestPathQuery(4, subgraphRead), { fromId: sample.from, toId: sample.to }));
  }
}

function totalDbHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + totalDbHits(child), 0);
}

function describe(plan: ProfiledPlan, depth = 0, lines: string[] = []): string[] {
  const details = String(plan.arguments?.Details ?? '').replace(/\s+/g, ' ').slice(0, 140);
  lines.push(`${'  '.repeat(depth)}${plan.operatorType}  rows=${plan.rows} dbHits=${plan.dbHits}${details ? `  ${details}` : ''}`);
  for (const child of plan.children) describe(child, depth + 1, lines);
  return lines;
}

async function profileOne(driver: Driver, query: string, params: Record<string, unknown>) {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    // Once to plan and warm the pages, then timed, as under load (PROFILE is a plan of its own).
    await session.run(`PROFILE ${query}`, params);
    const started = performance.now();
    const result = await session.run(`PROFILE ${query}`, params);
    const milliseconds = performance.now() - started;
    const profile = result.summary.profile;
    if (!profile) throw new Error('no profile returned');
    return { dbHits: totalDbHits(profile), rows: profile.rows, milliseconds: Math.round(milliseconds * 10) / 10, plan: describe(profile) };
  } finally {
    await session.close();
  }
}

export async function profileOperations(
  driver: Driver,
  cases: { operation: OperationName; case: string; sample: Sample }[],
): Promise<PlanSummary[]> {
  const out: PlanSummary[] = [];
  for (const { operation, case: label, sample } of cases) {
    const service = serviceQuery(operation, sample);
    out.push({ operation, contender: 'border-kg', query: service.file, case: label, sample, ...(await profileOne(driver, service.query, service.params)) });
    out.push({ operation, contender: 'cypher', query: 'bench/workload.ts CYPHER', case: label, sample, ...(await profileOne(driver, CYPHER[operation], sample)) });
  }
  return out;
}
