import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { serverAudits, type AuditResult } from 'graphql-http';
import { startTestService, type TestService } from './support/test-service';

/**
 * The SHOULDs of the GraphQL-over-HTTP spec the service does not meet, each explained in the
 * README ("GraphQL over HTTP"). Apollo Server answers 400, not 200, to a document that does not
 * parse, does not validate, or whose variables do not coerce, also under application/json.
 */
const KNOWN_SHOULD_FAILURES = ['572B', 'FDE2', '7B9B'];

/**
 * The MAYs the service declines: GET requests without a header a browser form cannot send are
 * refused by Apollo's CSRF prevention, which the audit's plain GETs are.
 */
const DECLINED_MAYS = ['5A70', 'D6D5', '6A70'];

describe('GraphQL over HTTP (graphql-http server audits)', () => {
  let service: TestService;
  let results: AuditResult[];
  beforeAll(async () => {
    service = await startTestService();
    const audits = serverAudits({ url: `${service.baseUrl}/graphql` });
    results = [];
    // One at a time: the audits are quick, and the log of a failure reads in order.
    for (const audit of audits) results.push(await audit.fn());
  });
  afterAll(async () => {
    await service.stop();
  });

  const failures = (level: string) =>
    results.filter((result) => result.name.startsWith(`${level} `) && result.status !== 'ok').map((result) => result.id);

  it('passes every MUST', () => {
    const failed = results.filter((result) => result.name.startsWith('MUST ') && result.status !== 'ok');
    expect(failed.map((result) => `${result.id} ${result.name}: ${'reason' in result ? result.reason : ''}`)).toEqual([]);
    expect(results.filter((result) => result.name.startsWith('MUST ')).length).toBeGreaterThan(10);
  });

  it('fails only the SHOULDs the README lists', () => {
    expect(failures('SHOULD').sort()).toEqual([...KNOWN_SHOULD_FAILURES].sort());
  });

  it('declines only the MAYs the README lists', () => {
    expect(failures('MAY').sort()).toEqual([...DECLINED_MAYS].sort());
  });
});

describe('GET and CSRF prevention', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  const get = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${service.baseUrl}/graphql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/json', ...headers } });

  it('answers a query over GET that carries a header a plain HTML form cannot send', async () => {
    const response = await get('{ __typename }', { 'apollo-require-preflight': 'true' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a GET without such a header (CSRF prevention), before running anything', async () => {
    const response = await get('{ __typename }');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]!.message).toContain('CSRF');
  });

  it('refuses a mutation over GET with 405 and Allow: POST', async () => {
    const response = await get('mutation { unlinkEntities(id: "a-[KNOWS]->b") }', { 'apollo-require-preflight': 'true' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers in application/graphql-response+json when the client asks for it', async () => {
    const response = await fetch(`${service.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('batched requests', () => {
  const batch = JSON.stringify([{ query: 'query A { __typename }' }, { query: 'query B { __typename }' }]);
  const postBatch = (service: TestService) =>
    fetch(`${service.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: batch });

  it('are refused unless configured', async () => {
    const service = await startTestService();
    try {
      const response = await postBatch(service);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [expect.objectContaining({ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } })],
      });
    } finally {
      await service.stop();
    }
  });

  it('are answered one result per operation with ALLOW_BATCHED_REQUESTS=true', async () => {
    const service = await startTestService({ ALLOW_BATCHED_REQUESTS: 'true' });
    try {
      const response = await postBatch(service);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual([{ data: { __typename: 'Query' } }, { data: { __typename: 'Query' } }]);
    } finally {
      await service.stop();
    }
  });
});
