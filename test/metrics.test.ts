import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestService, type TestService } from './support/test-service';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of Prometheus' text format: `name{label="value",...} number`. */
function parseSamples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

/** The value of the sample with this name whose labels include these; 0 when there is none. */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const sample = samples.find(
    (candidate) => candidate.name === name && Object.entries(labels).every(([key, value]) => candidate.labels[key] === value),
  );
  return sample?.value ?? 0;
}

async function scrape(service: TestService): Promise<Sample[]> {
  const response = await fetch(`${service.baseUrl}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseSamples(await response.text());
}

describe('GET /metrics', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  it('counts requests by operation and outcome, with their latency and their Neo4j queries', async () => {
    const before = await scrape(service);
    const ok = await service.graphql('query RcmpForMetrics { entity(name: "RCMP") { id } }');
    expect(ok.body.errors).toBeUndefined();
    const after = await scrape(service);

    const labels = { operation: 'RcmpForMetrics', outcome: 'ok' };
    expect(valueOf(after, 'borderkg_graphql_requests_total', labels)).toBe(1);
    expect(valueOf(after, 'borderkg_graphql_request_duration_seconds_count', labels)).toBe(1);
    expect(valueOf(after, 'borderkg_graphql_request_duration_seconds_sum', labels)).toBeGreaterThan(0);
    expect(valueOf(after, 'borderkg_graphql_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(1);
    const neo4jReads = { mode: 'READ', outcome: 'ok' };
    expect(valueOf(after, 'borderkg_neo4j_query_duration_seconds_count', neo4jReads)).toBeGreaterThan(
      valueOf(before, 'borderkg_neo4j_query_duration_seconds_count', neo4jReads),
    );
  });

  it('counts errors by code, including requests refused before GraphQL saw them', async () => {
    const before = await scrape(service);
    await service.graphql('{ entity(name: "RCMP") { password } }');
    await service.graphql('query FirstTooLarge { entities(first: 1000) { totalCount } }');
    await fetch(`${service.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
    await fetch(`${service.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ __typename }' });
    const after = await scrape(service);

    const increase = (name: string, labels: Record<string, string>) => valueOf(after, name, labels) - valueOf(before, name, labels);
    expect(increase('borderkg_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(increase('borderkg_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    // Malformed JSON (refused by Express) and a form-like POST (refused by CSRF prevention).
    expect(increase('borderkg_graphql_errors_total', { code: 'BAD_REQUEST' })).toBe(2);
    // An operation that failed validation has no operation to name.
    expect(increase('borderkg_graphql_requests_total', { operation: '(none)', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(increase('borderkg_graphql_requests_total', { operation: 'FirstTooLarge', outcome: 'BAD_USER_INPUT' })).toBe(1);
    expect(increase('borderkg_graphql_requests_total', { operation: '(none)', outcome: 'BAD_REQUEST' })).toBe(2);
  });

  it("exposes Node's process metrics", async () => {
    const samples = await scrape(service);
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('keeps the counts of each service apart when several run in one process', async () => {
    const other = await startTestService();
    try {
      await other.graphql('query OnlyOnTheOther { __typename }');
      expect(valueOf(await scrape(other), 'borderkg_graphql_requests_total', { operation: 'OnlyOnTheOther' })).toBe(1);
      expect(valueOf(await scrape(service), 'borderkg_graphql_requests_total', { operation: 'OnlyOnTheOther' })).toBe(0);
    } finally {
      await other.stop();
    }
  });
});
