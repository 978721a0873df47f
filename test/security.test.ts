import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { startBorderKg, type RunningService } from '../src/app/app';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import { freePort } from './support/free-port';
import { startTestService, type TestService } from './support/test-service';

const EDITOR_KEY = 'editor-key-never-logged-0001';
const METRICS_KEY = 'metrics-key-never-logged-01';

/** The service as startTestService runs it, logging at info into `lines` instead of stdout. */
async function startLoggedService(lines: string[]): Promise<{ running: RunningService; baseUrl: string }> {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri) throw new Error('TEST_NEO4J_URI is unset: run integration tests through jest (global setup)');
  const config = loadConfig({
    ...process.env,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    NEO4J_URI: uri,
    LOG_LEVEL: 'info',
    API_KEYS: `editor:${EDITOR_KEY}`,
    METRICS_KEY,
  });
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
      done();
    },
  });
  const running = await startBorderKg(config, createLogger(config.logLevel, destination));
  return { running, baseUrl: running.url.replace(/\/graphql$/, '') };
}

describe('request logs', () => {
  const lines: string[] = [];
  let running: RunningService;
  let baseUrl: string;
  beforeAll(async () => {
    ({ running, baseUrl } = await startLoggedService(lines));
  });
  afterAll(async () => {
    await running.stop();
  });

  /** The log lines of the request this response answered, once its completion is logged. */
  async function linesOf(response: Response): Promise<string[]> {
    const id = response.headers.get('x-request-id')!;
    await response.arrayBuffer();
    for (let attempt = 0; attempt < 100 && !lines.some((line) => line.includes(id) && line.includes('request completed')); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const own = lines.filter((line) => line.includes(id));
    expect(own.length).toBeGreaterThan(0);
    return own;
  }

  const post = (headers: Record<string, string>, path = '/graphql') =>
    fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ __typename }' }) });

  it.each([
    ['an Authorization: Bearer header', () => post({ authorization: `Bearer ${EDITOR_KEY}` })],
    ['an X-Api-Key header', () => post({ 'x-api-key': EDITOR_KEY })],
    ['a header of any name holding a configured key', () => post({ 'x-forwarded-secretless': EDITOR_KEY })],
    ['an api_key query parameter', () => post({}, `/graphql?api_key=${EDITOR_KEY}`)],
    ['a query parameter of any name holding a configured key, URL-encoded', () => post({}, `/graphql?q=${encodeURIComponent(`k ${EDITOR_KEY}`)}`)],
    [
      'a GET with the key in the query string',
      () => fetch(`${baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}&apikey=${EDITOR_KEY}`, { headers: { 'apollo-require-preflight': 'true' } }),
    ],
    ['the metrics key as a token parameter', () => fetch(`${baseUrl}/metrics?token=${METRICS_KEY}`, { headers: { authorization: `Bearer ${METRICS_KEY}` } })],
  ])('never hold a key sent in %s', async (_how, send) => {
    const own = await linesOf(await send());
    for (const line of own) {
      expect(line).not.toContain(EDITOR_KEY);
      expect(line).not.toContain(METRICS_KEY);
      expect(line).not.toContain(encodeURIComponent(EDITOR_KEY));
    }
    expect(own.join('\n')).toContain('[redacted]');
  });

  it('never hold a key anywhere, over everything logged so far', () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.includes(EDITOR_KEY) || line.includes(METRICS_KEY))).toEqual([]);
  });

  it('refuses /metrics without its key when METRICS_KEY is set, and answers with it', async () => {
    const without = await fetch(`${baseUrl}/metrics`);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await without.text()).not.toContain('borderkg_');
    expect((await fetch(`${baseUrl}/metrics`, { headers: { authorization: 'Bearer not-the-metrics-key-000' } })).status).toBe(401);
    expect((await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${EDITOR_KEY}` } })).status).toBe(401);
    const withKey = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_KEY}` } });
    expect(withKey.status).toBe(200);
    expect(await withKey.text()).toContain('borderkg_graphql_requests_total');
  });
});

describe('response headers', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  const HELMET = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-dns-prefetch-control': 'off',
    'x-permitted-cross-domain-policies': 'none',
  };
  const headersOf = (response: Response, names: string[]) => Object.fromEntries(names.map((name) => [name, response.headers.get(name)]));

  it('GraphQL answers are nosniff, never stored and never rendered, ok or refused', async () => {
    const answers = [
      await fetch(`${service.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
      await fetch(`${service.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' }),
      await fetch(`${service.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } }),
    ];
    expect(answers.map((response) => response.status)).toEqual([200, 400, 400]);
    for (const response of answers) {
      expect(headersOf(response, [...Object.keys(HELMET), 'cache-control', 'content-security-policy'])).toEqual({
        ...HELMET,
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      });
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it("keeps the IDE page's own policy and caching", async () => {
    const page = await fetch(`${service.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sets the same headers on health answers', async () => {
    const health = await fetch(`${service.baseUrl}/healthz`);
    expect(headersOf(health, Object.keys(HELMET))).toEqual(HELMET);
  });
});

describe('operation labels of /metrics', () => {
  let service: TestService;
  const READER_KEY = 'reader-key-for-labels-0001';
  beforeAll(async () => {
    service = await startTestService({ API_KEYS: `reader:${READER_KEY}` });
  });
  afterAll(async () => {
    await service.stop();
  });

  async function operationLabels(): Promise<Map<string, number>> {
    const text = await (await fetch(`${service.baseUrl}/metrics`)).text();
    const labels = new Map<string, number>();
    for (const match of text.matchAll(/^borderkg_graphql_requests_total\{operation="((?:[^"\\]|\\.)*)",outcome="ok"\} (\d+)$/gm)) {
      labels.set(match[1]!, (labels.get(match[1]!) ?? 0) + Number(match[2]));
    }
    return labels;
  }

  it('do not grow with 500 distinct names sent without a key, and keep room for names sent with one', async () => {
    const names = Array.from({ length: 500 }, (_, index) => `Flood${index}`);
    for (let start = 0; start < names.length; start += 50) {
      await Promise.all(names.slice(start, start + 50).map((name) => service.graphql(`query ${name} { __typename }`)));
    }
    const keyed = await service.graphql('query SentWithAKey { __typename }', undefined, { authorization: `Bearer ${READER_KEY}` });
    expect(keyed.body.errors).toBeUndefined();
    await service.graphql(`query ${'L'.repeat(500)} { __typename }`, undefined, { authorization: `Bearer ${READER_KEY}` });

    const labels = await operationLabels();
    const flood = [...labels.keys()].filter((label) => label.startsWith('Flood'));
    expect(flood.length).toBeLessThanOrEqual(50);
    expect(labels.get('(other)')).toBe(500 - flood.length + 1);
    expect(labels.get('SentWithAKey')).toBe(1);
    expect(labels.size).toBeLessThanOrEqual(52);
  });
});
