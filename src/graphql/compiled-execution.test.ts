import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, parse, printSchema, type DocumentNode, type ExecutionResult } from 'graphql';
import { buildSchema, Field, ID, InterfaceType, ObjectType, Query, Resolver, Arg, Int } from 'type-graphql';
import { NotFoundError } from '../errors';
import { formatError } from './format-error';

/** Counts what graphql-jit is asked to compile, and the runs of what it compiled. */
const compiles: string[] = [];
let compiledRuns = 0;
jest.mock('graphql-jit', () => {
  const actual = jest.requireActual<typeof import('graphql-jit')>('graphql-jit');
  return {
    ...actual,
    compileQuery: (...args: Parameters<typeof actual.compileQuery>) => {
      compiles.push(args[2] ?? '');
      const compiled = actual.compileQuery(...args);
      if (!('query' in compiled)) return compiled;
      return {
        ...compiled,
        query: (...run: Parameters<typeof compiled.query>) => {
          compiledRuns += 1;
          return compiled.query(...run);
        },
      };
    },
  };
});

// Imported after the mock, which it then uses.
import { compiledExecutionGateway, compiledExecutor } from './compiled-execution';

@InterfaceType()
abstract class Node {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ implements: Node })
class Place extends Node {
  @Field()
  name!: string;

  @Field(() => Int, { nullable: true })
  population?: number;
}

@ObjectType({ implements: Node })
class Agency extends Node {
  @Field()
  name!: string;

  /** Non-null but given null: graphql-js and graphql-jit must both null its parent. */
  @Field(() => String)
  acronym!: string;
}

const NODES: Node[] = [
  Object.assign(new Place(), { id: 'place:canada', name: 'Canada', population: 40_000_000 }),
  Object.assign(new Agency(), { id: 'organization:cbp', name: 'CBP', acronym: null }),
];

@Resolver()
class NodeResolver {
  @Query(() => Node)
  async node(@Arg('id', () => ID) id: string): Promise<Node> {
    const node = NODES.find((candidate) => candidate.id === id);
    if (!node) throw new NotFoundError('Node', id);
    return node;
  }

  @Query(() => [Node])
  nodes(@Arg('first', () => Int, { defaultValue: 10 }) first: number): Node[] {
    if (first > 100) throw new Error('a failure of our own code');
    return NODES.slice(0, first);
  }
}

const QUERIES = `
  query One($id: ID!, $withPopulation: Boolean = true) {
    node(id: $id) { __typename id ...PlaceFields ... on Agency { name } }
  }
  query All($first: Int) { nodes(first: $first) { id ... on Agency { acronym } } }
  fragment PlaceFields on Place { name population @include(if: $withPopulation) }
`;

let schema: Awaited<ReturnType<typeof buildSchema>>;
beforeAll(async () => {
  schema = await buildSchema({ resolvers: [NodeResolver], orphanedTypes: [Place, Agency], validate: false });
});
beforeEach(() => {
  compiles.splice(0);
  compiledRuns = 0;
});

function requestContext(document: DocumentNode, operationName: string, variables: Record<string, unknown>) {
  return { document, request: { operationName, variables }, context: {} } as unknown as GatewayGraphQLRequestContext;
}

/**
 * What a client is sent: the data, and the errors as Apollo Server hands them to the service's
 * formatError (its code, when none is set, INTERNAL_SERVER_ERROR) and formatError makes them.
 */
function sent(result: ExecutionResult) {
  const errors = result.errors?.map((error) => {
    const extensions = { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
    return formatError({ ...error.toJSON(), extensions }, error);
  });
  return { data: result.data, errors };
}

const CASES: [string, Record<string, unknown>][] = [
  ['One', { id: 'place:canada' }],
  ['One', { id: 'place:canada', withPopulation: false }],
  ['One', { id: 'organization:cbp' }],
  ['One', { id: 'place:nowhere' }],
  ['All', {}],
  // A non-null field given null: its parent is nulled, and the error masked as internal.
  ['All', { first: 1 }],
  ['All', { first: 101 }],
  // Variables that cannot be coerced: graphql-js's own messages.
  ['One', {}],
  ['One', { id: 'place:canada', withPopulation: 'yes' }],
  ['All', { first: 'ten' }],
];

describe('the compiled executor', () => {
  it.each(CASES)('answers %s %j as graphql-js does, results and errors alike', async (operationName, variables) => {
    const document = parse(QUERIES);
    const expected = sent(await execute({ schema, document, operationName, variableValues: variables, contextValue: {} }));
    const run = compiledExecutor(schema, { compileAfterRuns: 0 });
    const compiled = sent(await run(requestContext(document, operationName, variables)));
    expect(compiled).toEqual(expected);
    expect(compiles).toEqual([operationName]);
    expect(compiledRuns).toBe(1);
  });

  it('runs a document in graphql-js until it has run compileAfterRuns times, then compiles it once', async () => {
    const document = parse(QUERIES);
    const run = compiledExecutor(schema, { compileAfterRuns: 2 });
    const answers = [];
    for (let round = 0; round < 5; round += 1) answers.push(await run(requestContext(document, 'One', { id: 'place:canada' })));
    expect(compiles).toEqual(['One']);
    expect(compiledRuns).toBe(3);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
  });

  it("compiles each operation of a document on its own, and a new document's anew", async () => {
    const run = compiledExecutor(schema, { compileAfterRuns: 0 });
    const document = parse(QUERIES);
    await run(requestContext(document, 'One', { id: 'place:canada' }));
    await run(requestContext(document, 'All', {}));
    await run(requestContext(document, 'One', { id: 'organization:cbp' }));
    await run(requestContext(parse(QUERIES), 'One', { id: 'place:canada' }));
    expect(compiles).toEqual(['One', 'All', 'One']);
    expect(compiledRuns).toBe(4);
  });

  it('gives every error extensions, as graphql-js does, keeping its message, locations, path and original error', async () => {
    const run = compiledExecutor(schema, { compileAfterRuns: 0 });
    const [nonNull] = (await run(requestContext(parse(QUERIES), 'All', {}))).errors!;
    expect(nonNull!.extensions).toEqual({});
    expect(nonNull!.toJSON()).toEqual({ message: expect.stringContaining('Agency.acronym'), locations: [{ line: 5, column: 70 }], path: ['nodes', 1, 'acronym'] });
    const [foreign] = (await run(requestContext(parse(QUERIES), 'All', { first: 101 }))).errors!;
    expect(foreign!.extensions).toEqual({});
    expect(foreign!.originalError).toEqual(new Error('a failure of our own code'));
    expect(foreign!.toJSON()).toMatchObject({ path: ['nodes'], locations: [{ line: 5, column: 28 }] });
  });

  it("keeps a resolver's own error, with its code, behind the path and locations", async () => {
    const run = compiledExecutor(schema, { compileAfterRuns: 0 });
    const result = await run(requestContext(parse(QUERIES), 'One', { id: 'place:nowhere' }));
    const [error] = result.errors!;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error!.originalError).toBeInstanceOf(NotFoundError);
    expect(error!.path).toEqual(['node']);
    expect(error!.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'place:nowhere' });
    expect(result.data).toBeNull();
  });
});

describe('the compiled execution gateway', () => {
  it('hands Apollo Server the schema as it is, and an executor', async () => {
    const gateway = compiledExecutionGateway(schema, { compileAfterRuns: 0 });
    const loaded = jest.fn();
    gateway.onSchemaLoadOrUpdate(loaded);
    expect(loaded).toHaveBeenCalledWith({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
    const { executor } = await gateway.load({ apollo: {} });
    const result = await executor!(requestContext(parse(QUERIES), 'All', { first: 1 }));
    expect(result).toEqual({ data: { nodes: [{ id: 'place:canada' }] } });
  });
});
