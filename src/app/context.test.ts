import type { RequestContext } from '../graphql/context';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';

/** Counts the scopes built, by class name: each domain's scope class is wrapped where context.ts imports it. */
const built: string[] = [];
function counted<T extends Record<string, unknown>>(path: string, names: string[]): T {
  const actual = jest.requireActual<T>(path);
  const wrapped: Record<string, unknown> = { ...actual };
  for (const name of names) {
    const Actual = actual[name] as new (...args: unknown[]) => object;
    wrapped[name] = class extends Actual {
      constructor(...args: unknown[]) {
        super(...args);
        built.push(name);
      }
    };
  }
  return wrapped as T;
}
jest.mock('../history', () => counted('../history', ['HistoryScope']));
jest.mock('../entity', () => counted('../entity', ['EntityScope']));
jest.mock('../statistic', () => counted('../statistic', ['StatisticScope']));
jest.mock('../ingestion', () => counted('../ingestion', ['IngestionScope']));
jest.mock('../reconciliation', () => counted('../reconciliation', ['ReconciliationScope']));
jest.mock('../dataset', () => counted('../dataset', ['DatasetScope']));
jest.mock('../graph', () => counted('../graph', ['GraphRepository']));

// Imported after `built` exists: the mocks wrap what it imports, and count into it.
import { createAppContext } from './context';

const executor = {} as Neo4jExecutor;
const request = { requestId: 'r1', log: {}, viewer: { keyId: 'key-fingerprint' }, clientAddress: '127.0.0.1', trace: {} } as unknown as RequestContext;

describe("a request's context", () => {
  beforeEach(() => built.splice(0));

  it("holds the request's own fields and builds no domain's part before a resolver reaches for it", () => {
    const context = createAppContext(request, executor);
    expect(context).toMatchObject({ requestId: 'r1', viewer: request.viewer, clientAddress: '127.0.0.1' });
    expect(built).toEqual([]);
  });

  it('builds only the parts an operation reaches for, each once', () => {
    const context = createAppContext(request, executor);
    expect(context.graph).toBe(context.graph);
    expect(built).toEqual(['GraphRepository']);
    expect(context.relations).toBe(context.relations);
    expect(context.entities).toBe(context.entities);
    expect(built).toEqual(['GraphRepository', 'HistoryScope', 'EntityScope', 'StatisticScope']);
  });

  it("shares its parts with the shallow copy Apollo Server runs an operation on, built before or after the copy", () => {
    const context = createAppContext(request, executor);
    const graph = context.graph;
    const copy = Object.assign(Object.create(Object.getPrototypeOf(context)) as typeof context, context);
    expect(copy.graph).toBe(graph);
    expect(copy.statistics).toBe(context.statistics);
    expect(copy.viewer).toBe(request.viewer);
  });

  it('wires the parts that depend on others to the same instances', () => {
    const context = createAppContext(request, executor);
    const reconciliation = context.reconciliation;
    expect(context.ingestion).toBeDefined();
    expect(context.reconciliation).toBe(reconciliation);
    expect(built.filter((name) => name === 'StatisticScope' || name === 'DatasetScope' || name === 'HistoryScope')).toEqual(['HistoryScope', 'StatisticScope', 'DatasetScope']);
    expect(built.filter((name) => name === 'IngestionScope' || name === 'ReconciliationScope').sort()).toEqual(['IngestionScope', 'ReconciliationScope']);
  });
});
