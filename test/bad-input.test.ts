import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestData, type Referenced } from './support/test-data';
import { startTestService, type TestService } from './support/test-service';

const EDITOR_KEY = 'editor-key-for-bad-input-01';
const READER_KEY = 'reader-key-for-bad-input-01';

interface Refusal {
  status: number;
  code: string;
  /** For QUERY_LIMIT_EXCEEDED: which limit. */
  limit?: string;
  message?: RegExp;
}

/** Fields nested `levels` deep, from `entity` down to `id`: entity > relations > edges > node > from > relations ... > id. */
function nestedQuery(levels: number): string {
  const cycle = ['relations', 'edges', 'node', 'from'];
  let selection = 'id';
  for (let level = levels - 2; level >= 1; level -= 1) selection = `${cycle[(level - 1) % cycle.length]} { ${selection} }`;
  return `{ entity(name: "RCMP") { ${selection} } }`;
}

function aliases(count: number): string {
  return `{ ${Array.from({ length: count }, (_, index) => `a${index}: entity(name: "RCMP") { id }`).join(' ')} }`;
}

const UPSERT = 'mutation ($input: EntityInput!) { upsertEntity(input: $input) { id name } }';
const LINK = 'mutation ($input: RelationInput!) { linkEntities(input: $input) { id } }';

/**
 * One place for the inputs an attacker or a careless client sends. Every case gets a clear
 * status and extensions.code, no stack trace, and leaves the graph as it was.
 */
describe('bad input', () => {
  let service: TestService;
  const data = new TestData();
  const editor = { authorization: `Bearer ${EDITOR_KEY}` };
  const reader = { authorization: `Bearer ${READER_KEY}` };

  beforeAll(async () => {
    service = await startTestService({ API_KEYS: `editor:${EDITOR_KEY},reader:${READER_KEY}` });
  });
  afterAll(async () => {
    await service.stop();
    await data.cleanUp();
  });

  function post(body: string, headers: Record<string, string> = {}) {
    return fetch(`${service.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  }

  function operation(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    return post(JSON.stringify({ query, variables }), headers);
  }

  /**
   * Sends the request and checks the refusal, and that the graph holds what it held before: the
   * test's own data and the seed, and what `referenced` names (inputs that cannot carry the token).
   */
  async function expectRefused(send: () => Promise<Response>, expected: Refusal, referenced: Referenced = {}) {
    const before = await data.snapshot(referenced);
    const response = await send();
    const text = await response.text();
    expect(text).not.toMatch(/\n\s+at /);
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    const body = JSON.parse(text) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
    expect({ status: response.status, code: body.errors[0]!.extensions.code }).toEqual({ status: expected.status, code: expected.code });
    if (expected.limit) expect(body.errors[0]!.extensions.limit).toBe(expected.limit);
    if (expected.message) expect(body.errors[0]!.message).toMatch(expected.message);
    expect(body.errors[0]!.extensions.stacktrace).toBeUndefined();
    expect(await data.snapshot(referenced)).toEqual(before);
    return body;
  }

  describe('requests that are not GraphQL', () => {
    it('refuses malformed JSON with 400 BAD_REQUEST', async () => {
      await expectRefused(() => post('{"query": "{ __typename }"'), { status: 400, code: 'BAD_REQUEST', message: /not valid JSON/ });
    });

    it('refuses a JSON body without a query with 400 BAD_REQUEST', async () => {
      await expectRefused(() => post(JSON.stringify({ hello: 'world' })), { status: 400, code: 'BAD_REQUEST' });
    });

    it('refuses a plain-text body (as an HTML form could send) with 400 BAD_REQUEST', async () => {
      await expectRefused(() => post('MATCH (n) DETACH DELETE n', { 'content-type': 'text/plain' }), {
        status: 400,
        code: 'BAD_REQUEST',
      });
    });

    it('refuses a query that is not GraphQL with 400 GRAPHQL_PARSE_FAILED', async () => {
      await expectRefused(() => operation('MATCH (n) DETACH DELETE n'), { status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    });

    it('refuses a 1 MB query with 413 BAD_REQUEST, before reading it', async () => {
      const query = `{ ${'__typename '.repeat((1024 * 1024) / 11 + 1)} }`;
      await expectRefused(() => operation(query), { status: 413, code: 'BAD_REQUEST', message: /larger than the limit of 1048576 bytes/ });
    });

    it('refuses a query just under the body limit at its token limit', async () => {
      const query = `{ ${'__typename '.repeat(90_000)} }`;
      await expectRefused(() => operation(query), { status: 400, code: 'QUERY_LIMIT_EXCEEDED', limit: 'tokens' });
    });
  });

  describe('operations over the query limits', () => {
    it('refuses depth 50 nesting', async () => {
      await expectRefused(() => operation(nestedQuery(50)), {
        status: 400,
        code: 'QUERY_LIMIT_EXCEEDED',
        limit: 'depth',
        message: /^Query depth limit of 12 exceeded, found 50\.$/,
      });
    });

    it('refuses 1000 aliases: the document is over the token limit before its aliases are counted', async () => {
      await expectRefused(() => operation(aliases(1000)), { status: 400, code: 'QUERY_LIMIT_EXCEEDED', limit: 'tokens' });
    });

    it('refuses 100 aliases at the alias limit', async () => {
      await expectRefused(() => operation(aliases(100)), {
        status: 400,
        code: 'QUERY_LIMIT_EXCEEDED',
        limit: 'aliases',
        message: /^Aliases limit of 30 exceeded, found 100\.$/,
      });
    });

    it('refuses pages of pages whose cost is over the limit', async () => {
      const query = '{ entities(first: 100) { edges { node { relations(first: 100) { edges { node { id } } } } } } }';
      await expectRefused(() => operation(query), { status: 400, code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost' });
    });
  });

  describe('operations the schema refuses', () => {
    it('refuses unknown fields with 400 GRAPHQL_VALIDATION_FAILED', async () => {
      await expectRefused(() => operation('{ entity(name: "RCMP") { password } }'), {
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
        message: /Cannot query field "password" on type "Entity"/,
      });
    });

    it('refuses variables of the wrong type with 400 BAD_USER_INPUT', async () => {
      await expectRefused(() => operation('query ($n: Int) { entities(first: $n) { totalCount } }', { n: 'all of them' }), {
        status: 400,
        code: 'BAD_USER_INPUT',
        message: /Variable "\$n" got invalid value "all of them"/,
      });
    });

    it.each([100_000, -1])('refuses first: %p with BAD_USER_INPUT naming the range', async (first) => {
      const body = await expectRefused(() => operation(`{ entities(first: ${first}) { totalCount } }`), {
        status: 200,
        code: 'BAD_USER_INPUT',
        message: /^"first" must be between 0 and 100/,
      });
      expect(body.errors[0]!.extensions).toMatchObject({ argumentName: 'first', limit: 100 });
    });

    it.each(['not-a-cursor', 'djE6', Buffer.from('v1:x').toString('base64') + '=='])(
      'refuses the cursor %p with BAD_USER_INPUT',
      async (after) => {
        await expectRefused(() => operation('query ($after: String) { entities(after: $after) { totalCount } }', { after }), {
          status: 200,
          code: 'BAD_USER_INPUT',
          message: /^Invalid cursor/,
        });
      },
    );
  });

  describe('Cypher in relation types', () => {
    const injection = 'KNOWS]->(x) DETACH DELETE x//';

    it('refuses it as the type of a new relation', async () => {
      const input = {
        type: injection,
        fromId: 'person:mike-kelly',
        toId: 'organization:northern-border-security-caucus',
        evidence: [{ articleId: 'article:crossings-from-canada-drop-as-agents-shift-south', quote: 'Mike Kelly' }],
      };
      await expectRefused(() => operation(LINK, { input }, editor), {
        status: 200,
        code: 'BAD_USER_INPUT',
        message: /type must be UPPER_SNAKE_CASE/,
      });
    });

    it('finds nothing for it in a relation filter or a relation id, and deletes nothing', async () => {
      const before = await data.snapshot();
      const response = await operation(
        `query ($types: [String!], $id: ID!) {
          entity(id: "place:canada") { relations(filter: { types: $types }) { totalCount } }
          node(id: $id) { id }
        }`,
        { types: [injection], id: `place:canada-[${injection}]->place:canada` },
      );
      expect(await response.json()).toEqual({ data: { entity: { relations: { totalCount: 0 } }, node: null } });
      expect(await data.snapshot()).toEqual(before);
    });
  });

  describe('names', () => {
    it.each([
      ['a NUL character', 'Nul\u0000Person'],
      ['a bell character', 'Bell\u0007Person'],
      ['a line break', 'Two\nLines'],
      ['an escape sequence', '\u001b[31mRed Person'],
    ])('refuses a name with %s as BAD_USER_INPUT', async (_case, name) => {
      await expectRefused(() => operation(UPSERT, { input: { kind: 'PERSON', name: data.name(name) } }, editor), {
        status: 200,
        code: 'BAD_USER_INPUT',
        message: /name must not contain control characters/,
      });
    });

    it('refuses a name over 200 characters, the documented maximum, as BAD_USER_INPUT', async () => {
      const name = 'N'.repeat(201);
      await expectRefused(
        () => operation(UPSERT, { input: { kind: 'PERSON', name } }, editor),
        { status: 200, code: 'BAD_USER_INPUT', message: /name must be shorter than or equal to 200 characters/ },
        { names: [name] },
      );
    });

    it('refuses a lookup by a name over 200 characters, which no entity can have', async () => {
      await expectRefused(() => operation('query ($name: String) { entity(name: $name) { id } }', { name: 'N'.repeat(500_000) }), {
        status: 200,
        code: 'BAD_USER_INPUT',
        message: /200 characters/,
      });
    });

    it('refuses a search over 200 characters', async () => {
      await expectRefused(() => operation('query ($q: String!) { search(query: $q) { score } }', { q: 'border '.repeat(100_000) }), {
        status: 200,
        code: 'BAD_USER_INPUT',
        message: /200 characters/,
      });
    });

    it('keeps letters of any script, accents and emoji verbatim', async () => {
      const name = data.name('Québec Ōtsuka 東京 Ñandú 🇨🇦');
      const response = await operation(UPSERT, { input: { kind: 'PERSON', name } }, editor);
      const body = (await response.json()) as { data: { upsertEntity: { id: string; name: string } } };
      expect(body.data.upsertEntity.name).toBe(name);
      const found = await operation('query ($name: String) { entity(name: $name) { id name } }', { name: name.toUpperCase() });
      expect(await found.json()).toEqual({ data: { entity: body.data.upsertEntity } });
    });
  });

  describe('writes without the right credentials', () => {
    const input = () => ({ kind: 'PERSON', name: data.name('Uninvited Person') });

    it('refuses a mutation without credentials as UNAUTHENTICATED', async () => {
      await expectRefused(() => operation(UPSERT, { input: input() }), { status: 200, code: 'UNAUTHENTICATED' });
    });

    it("refuses a mutation with a reader's key as FORBIDDEN", async () => {
      await expectRefused(() => operation(UPSERT, { input: input() }, reader), { status: 200, code: 'FORBIDDEN' });
    });
  });
});
