import neo4j, { type Driver, type ProfiledPlan } from 'neo4j-driver';
import { escapeLucene, projectionParameters, projectionVariant, readCypher } from '../src/index';
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
 * What the service reads for each operation's document: the properties of its projection
 * (src/entity/entity-projection.ts; src/app/projection.test.ts checks these) and the variant of
 * each query's text its repository picks (src/neo4j/cypher-files.ts).
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
  const read = (file: string, variant: Record<string, boolean | string | number> = {}) => ({
    file,
    query: readCypher(file, { ...projectionVariant(projection), ...variant }),
  });
  const entities = projectionParameters(projection);
  switch (operation) {
    case 'A':
      return {
        ...read('queries/relation/of-entities.cypher', { byTypes: false, byOtherKinds: false, direction: 'BOTH', hasAfterKey: false, withEvidence: false, counted: false }),
        params: { entityIds: [sample.id], types: null, otherKinds: null, direction: 'BOTH', afterKey: null, limitPlusOne: neo4j.int(21), ...entities },
      };
    case 'B':
      return {
        ...read('queries/search/search.cypher'),
        params: { lucene: escapeLucene(sample.text!), exactKey: sample.text!.toLowerCase(), kinds: null, first: neo4j.int(10), candidates: neo4j.int(100), ...entities },
      };
    case 'C':
      return {
        ...read('queries/statistic/page.cypher', {
          anchor: 'place',
          byMeasure: false,
          byReporter: false,
          bySource: false,
          byFrom: true,
          byTo: true,
          linkedPlaces: false,
          linkedReporter: true,
          linkedCollector: false,
          linkedSources: true,
          hasAfterKey: false,
          counted: false,
        }),
        params: { ids: null, measure: null, placeId: sample.placeId, reportedById: null, sourceId: null, from: sample.from, to: sample.to, afterKey: null, limitPlusOne: neo4j.int(51), ...entities },
      };
    case 'D':
      return { ...read('queries/graph/neighborhood.cypher', { depth: 2, withEvidence: false }), params: { id: sample.id, othersLimit: neo4j.int(199), ...entities } };
    case 'E':
      return { ...read('queries/graph/shortest-path.cypher', { maxHops: 4, withEvidence: false }), params: { fromId: sample.from, toId: sample.to, ...entities } };
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
