import { beforeAll, describe, expect, it } from '@jest/globals';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { getIntrospectionQuery, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { loadConfig } from '../config/config';
import { ErrorCode } from '../errors';
import { formatError } from '../graphql/format-error';
import { loadExampleTabs } from '../graphql/ide/examples';
import { queryLimitOptions, type QueryLimits } from '../graphql/limits/query-limits';
import { buildBorderKgSchema } from './schema';

const DEFAULT_LIMITS = loadConfig({}).limits;

/** Stands in for execution once an operation has passed every limit: no database needed. */
const answerPassed: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async responseForOperation() {
        return { body: { kind: 'single', singleResult: { data: { passed: true } } }, http: { status: 200, headers: new Map() } as never };
      },
    };
  },
};

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildBorderKgSchema();
});

async function serverWith(limits: QueryLimits = DEFAULT_LIMITS, hideSchemaDetails = false) {
  const options = queryLimitOptions(limits, { hideSchemaDetails });
  const server = new ApolloServer({ schema, formatError, ...options, plugins: [...options.plugins, answerPassed] });
  await server.start();
  return server;
}

async function run(query: string, variables: Record<string, unknown> = {}, server?: ApolloServer) {
  const response = await (server ?? (await serverWith())).executeOperation({ query, variables });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, ...response.body.singleResult } as {
    status?: number;
    data?: unknown;
    errors?: GraphQLFormattedError[];
  };
}

function nested(levels: number): string {
  let selection = 'id';
  for (let level = 0; level < levels; level += 1) selection = `relations { edges { node { to { ${selection} } } } }`;
  return `{ entity(name: "RCMP") { ${selection} } }`;
}

describe('query limits', () => {
  const tabs = loadExampleTabs().map((tab) => [tab.query.match(/(?:query|mutation) (\w+)/)![1]!, tab] as const);

  it.each(tabs)('let the example %s through with the default limits', async (_name, tab) => {
    expect(await run(tab.query, JSON.parse(tab.variables ?? '{}') as Record<string, unknown>)).toMatchObject({
      data: { passed: true },
    });
  });

  it("let the IDE's introspection query through", async () => {
    const introspection = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true });
    expect(await run(introspection)).toMatchObject({ data: { passed: true } });
  });

  it.each([
    ['depth', nested(15), `Query depth limit of ${DEFAULT_LIMITS.maxDepth} exceeded, found 62.`],
    [
      'aliases',
      `{ ${Array.from({ length: 31 }, (_, index) => `a${index}: entity(name: "RCMP") { id }`).join(' ')} }`,
      `Aliases limit of ${DEFAULT_LIMITS.maxAliases} exceeded, found 31.`,
    ],
    [
      'directives',
      `{ ${Array.from({ length: 21 }, () => '__typename @include(if: true)').join(' ')} }`,
      `Directives limit of ${DEFAULT_LIMITS.maxDirectives} exceeded, found 21.`,
    ],
    ['tokens', `{ ${'__typename '.repeat(DEFAULT_LIMITS.maxTokens)} }`, `Token limit of ${DEFAULT_LIMITS.maxTokens} exceeded.`],
  ] as const)('refuse an operation over the %s limit with a 400 naming the limit', async (limit, query, message) => {
    const result = await run(query);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([
      expect.objectContaining({
        message,
        extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED, limit, maximum: DEFAULT_LIMITS[limitKey(limit)] },
      }),
    ]);
  });

  it('honour configured limits', async () => {
    const server = await serverWith({ ...DEFAULT_LIMITS, maxDepth: 2 });
    expect((await run('{ entity(name: "RCMP") { id } }', {}, server)).data).toEqual({ passed: true });
    expect((await run(nested(1), {}, server)).errors?.[0]?.extensions).toMatchObject({ limit: 'depth', maximum: 2 });
  });
});

function limitKey(limit: 'depth' | 'aliases' | 'directives' | 'tokens'): keyof QueryLimits {
  return ({ depth: 'maxDepth', aliases: 'maxAliases', directives: 'maxDirectives', tokens: 'maxTokens' } as const)[limit];
}

describe('the cost limit', () => {
  const relationsOfRelations = `query Wide($outer: Int, $inner: Int) {
    entities(first: $outer) { edges { node { relations(first: $inner) { edges { node { id type } } } } } }
  }`;

  it('multiplies a selection by the page size it asks for, read from the variables', async () => {
    expect((await run(relationsOfRelations, { outer: 10, inner: 10 })).data).toEqual({ passed: true });
    const refused = await run(relationsOfRelations, { outer: 100, inner: 100 });
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(new RegExp(`^Query cost limit of ${DEFAULT_LIMITS.maxCost} exceeded, found \\d+\\.$`)),
      extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED, limit: 'cost', maximum: DEFAULT_LIMITS.maxCost, cost: expect.any(Number) },
    });
  });

  it('counts `first` on the fields of concrete types as on their interface', async () => {
    const query = `{ entities(first: 100) { edges { node { ... on Person { mentions(first: 100) { edges { node { sentence } } } } } } } }`;
    expect((await run(query)).errors?.[0]?.extensions).toMatchObject({ limit: 'cost' });
  });

  it("counts neighborhood's limit and depth", async () => {
    const query = (depth: number, limit: number) =>
      `{ neighborhood(id: "place:canada", depth: ${depth}, limit: ${limit}) { nodes { id name aliases } relations { id type from { id } to { id } } } }`;
    // 300 nodes and relations cost 3300 (11 each), and exploring up to 300 entities 300 per hop.
    const server = await serverWith({ ...DEFAULT_LIMITS, maxCost: 4000 });
    expect((await run(query(1, 300), {}, server)).data).toEqual({ passed: true });
    expect((await run(query(3, 300), {}, server)).errors?.[0]?.extensions).toMatchObject({ limit: 'cost' });
  });

  it('leaves out-of-range page sizes to the resolver, whose message names the range', async () => {
    expect((await run('{ entities(first: 100000) { totalCount } }')).data).toEqual({ passed: true });
    expect((await run('{ entities(first: -5) { totalCount } }')).data).toEqual({ passed: true });
  });

  it('refuses fragments spread so often that their cost cannot be estimated', async () => {
    const levels = 14;
    const fragments = Array.from(
      { length: levels },
      (_, level) => `fragment F${level} on Query { ${level + 1 < levels ? `...F${level + 1} ...F${level + 1}` : '__typename'} }`,
    );
    const result = await run(`{ ...F0 } ${fragments.join(' ')}`);
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringContaining('too large to estimate its cost'),
      extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED, limit: 'cost' },
    });
  });

  it('leaves variables of the wrong type to execution, which refuses them as BAD_USER_INPUT', async () => {
    expect((await run(relationsOfRelations, { outer: 'many' })).data).toEqual({ passed: true });
  });
});

describe('field suggestions', () => {
  const typo = '{ entity(name: "RCMP") { nam } }';
  const enumTypo = ['query ($kind: EntityKind) { entities(kind: $kind) { totalCount } }', { kind: 'PERSN' }] as const;

  /** Executes for real: variables are coerced before any resolver, so no database is needed. */
  async function executingServer(hideSchemaDetails: boolean) {
    const options = queryLimitOptions(DEFAULT_LIMITS, { hideSchemaDetails });
    const server = new ApolloServer({ schema, formatError, ...options });
    await server.start();
    return server;
  }

  it('are kept in development, where they help', async () => {
    const server = await executingServer(false);
    expect((await run(typo, {}, server)).errors?.[0]?.message).toContain('Did you mean "name"?');
    expect((await run(...enumTypo, server)).errors?.[0]?.message).toContain('Did you mean the enum value "PERSON"');
  });

  it('are removed in production, where they would map the schema for a stranger', async () => {
    const server = await executingServer(true);
    expect((await run(typo, {}, server)).errors).toEqual([
      expect.objectContaining({ message: 'Cannot query field "nam" on type "Entity".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ]);
    expect((await run(...enumTypo, server)).errors).toEqual([
      expect.objectContaining({
        message: 'Variable "$kind" got invalid value "PERSN"; Value "PERSN" does not exist in "EntityKind" enum.',
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);
  });
});
