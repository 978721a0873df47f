import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../config/config';
import { createLogger } from '../config/logger';
import type { RequestContext } from '../graphql/context';
import { createDriver, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { ServiceMetrics } from './metrics';
import { Readiness } from './readiness';
import { createHttpService } from './server';

const KEY = 'editor-key-for-the-fast-path-01';

/** Fields that show what the context got, and one that fails; none reaches Neo4j. */
const schema = new GraphQLSchema({
  query: new GraphQLObjectType<unknown, RequestContext>({
    name: 'Query',
    fields: {
      clientAddress: { type: GraphQLString, resolve: (_source, _args, context) => context.clientAddress },
      requestId: { type: GraphQLString, resolve: (_source, _args, context) => context.requestId },
      viewer: { type: GraphQLString, resolve: (_source, _args, context) => JSON.stringify(context.viewer) },
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('broken on purpose');
        },
      },
    },
  }),
});

interface Sent {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Answer {
  status?: number;
  /** Raw header lines, in the order and the spelling sent, but Date. */
  headers: string[];
  body: string;
}

/** One request on its own connection, read raw (header order and spelling are part of an answer). */
function exchange(port: number, { method = 'POST', path = '/graphql', headers = {}, body }: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const lines: string[] = [];
        for (let index = 0; index < response.rawHeaders.length; index += 2) {
          if (response.rawHeaders[index] !== 'Date') lines.push(`${response.rawHeaders[index]}: ${response.rawHeaders[index + 1]}`);
        }
        resolve({ status: response.statusCode, headers: lines, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

const json = { 'content-type': 'application/json' };
const operation = (query: string) => JSON.stringify({ query });
const overTheLimit = operation(`{ ${'__typename '.repeat((1024 * 1024) / 11 + 1)} }`);
const THROUGH_A_PROXY: Sent = { headers: { ...json, 'x-forwarded-for': '203.0.113.7, 198.51.100.1' }, body: operation('{ clientAddress }') };

/** What clients send most: JSON POSTs to /graphql, good and bad. */
const JSON_POSTS: [string, Sent][] = [
  ['a valid query', { headers: json, body: operation('{ requestId viewer }') }],
  ['a query with a key in the query string and a header', { path: `/graphql?api_key=${KEY}&x=1`, headers: { ...json, authorization: `Bearer ${KEY}` }, body: operation('{ viewer }') }],
  ['a query through a proxy', THROUGH_A_PROXY],
  ['a query asking for application/graphql-response+json', { headers: { ...json, accept: 'application/graphql-response+json' }, body: operation('{ __typename }') }],
  ['a query with charset=UTF-8', { headers: { 'content-type': 'application/json; charset=UTF-8' }, body: operation('{ __typename }') }],
  ['a query whose resolver fails', { headers: json, body: operation('{ broken }') }],
  ['a body with a byte order mark', { headers: json, body: `\uFEFF${operation('{ __typename }')}` }],
  ['bad JSON', { headers: json, body: '{"query":' }],
  ['bad JSON, asking for application/graphql-response+json', { headers: { ...json, accept: 'application/graphql-response+json' }, body: '{"query":' }],
  ['JSON that is not an object', { headers: json, body: '"{ __typename }"' }],
  ['an empty body', { headers: json, body: '' }],
  ['a JSON object without a query', { headers: json, body: '{"hello":"world"}' }],
  ['a batch', { headers: json, body: `[${operation('{ __typename }')}]` }],
  ['a body over the limit', { headers: json, body: overTheLimit }],
  ['a chunked body over the limit', { headers: { ...json, 'transfer-encoding': 'chunked' }, body: overTheLimit }],
];

/** Everything else, which Express answers. */
const OTHER_REQUESTS: [string, Sent][] = [
  ['a text/plain body', { headers: { 'content-type': 'text/plain' }, body: '{ __typename }' }],
  ['a JSON body in another charset', { headers: { 'content-type': 'application/json; charset=latin1' }, body: operation('{ __typename }') }],
  ['a POST to /graphql/', { path: '/graphql/', headers: json, body: operation('{ __typename }') }],
  ['a GET query', { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ __typename }')}`, headers: { 'apollo-require-preflight': 'true' } }],
  ['a GET refused by CSRF prevention', { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ __typename }')}`, headers: { accept: 'application/json' } }],
];

/** A log line without what differs from one request to the next: time, ports, the id the test gave. */
function normalised(line: string, requestId: string): unknown {
  const { time: _time, responseTime: _responseTime, ...rest } = JSON.parse(line) as Record<string, unknown>;
  return JSON.parse(
    JSON.stringify(rest)
      .replaceAll(requestId, '<request id>')
      .replace(/"remotePort":\d+/g, '"remotePort":0')
      .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
      .replace(/"stack":"[^"]*"/g, '"stack":"<stack>"'),
  );
}

describe('JSON POSTs to /graphql, answered without Express', () => {
  const lines: string[] = [];
  let service: Awaited<ReturnType<typeof createHttpService<RequestContext>>>;
  let driver: Driver;
  let refused: jest.SpiedFunction<ServiceMetrics['recordRefusedRequest']>;
  /** The same service's Express app alone: what every request went through before. */
  let expressOnly: http.Server;
  const portOf = (server: http.Server) => (server.address() as AddressInfo).port;

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
        done();
      },
    });
    // No cost budget: its headers (what remains of it) would differ from one request to the next.
    const environment = { PORT: '4000', HOST: '127.0.0.1', NEO4J_URI: 'bolt://127.0.0.1:9', LOG_LEVEL: 'info', API_KEYS: `editor:${KEY}`, TRUST_PROXY_HOPS: '1', FAIR_USE_COST_BUDGET: '0' };
    const loaded = loadConfig(environment);
    // Any free port; the configuration accepts only real ones.
    const config = { ...loaded, http: { ...loaded.http, port: 0 } };
    const log = createLogger(config.logLevel, destination);
    // Never connected: no field of the schema reads the graph.
    driver = createDriver({ ...config.neo4j, uri: loaded.neo4j.uri! });
    const executor = new Neo4jExecutor(driver, { ...config.neo4j, onQuery: () => {} }, log);
    const metrics = new ServiceMetrics();
    refused = jest.spyOn(metrics, 'recordRefusedRequest');
    service = await createHttpService({ config, executor, log, metrics, readiness: new Readiness(), schema, createContext: (request) => request });
    await service.listen();
    expressOnly = http.createServer(service.app);
    await new Promise<void>((resolve) => expressOnly.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => expressOnly.close(resolve));
    await service.stop();
    await driver.close();
  });

  /** What the service logged and counted as refused while `send` ran, once the request's completion is logged. */
  async function traces<T>(requestId: string, send: () => Promise<T>) {
    const before = { lines: lines.length, refused: refused.mock.calls.length };
    const result = await send();
    // The completion line is written as the response finishes, maybe after the client has read it.
    const completed = () => lines.slice(before.lines).some((line) => /"msg":"request (completed|aborted)"/.test(line));
    for (let attempt = 0; attempt < 50 && !completed(); attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
    return {
      result,
      logLines: lines.slice(before.lines).map((line) => normalised(line, requestId)),
      refusals: refused.mock.calls.slice(before.refused),
    };
  }

  /** The answer, log lines and refusals counted of one request, with the id it is sent with. */
  async function observe(server: http.Server, sent: Sent, requestId: string) {
    const { result: answer, ...traced } = await traces(requestId, () =>
      exchange(portOf(server), { ...sent, headers: { ...sent.headers, 'x-request-id': requestId } }),
    );
    return { ...answer, headers: answer.headers.map((line) => line.replace(requestId, '<request id>')), ...traced };
  }

  /** A client that sends half a body and hangs up. */
  async function giveUpSending(server: http.Server, requestId: string) {
    return traces(requestId, async () => {
      const socket = net.connect(portOf(server), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(`POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100\r\nX-Request-Id: ${requestId}\r\n\r\n{"query":`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      socket.destroy();
    });
  }

  it.each([...JSON_POSTS, ...OTHER_REQUESTS])('answers %s as Express answers it, with the same log lines', async (name, sent) => {
    const id = name.replace(/\W+/g, '-');
    const direct = await observe(service.httpServer, sent, id);
    const throughExpress = await observe(expressOnly, sent, id);
    expect(direct).toEqual(throughExpress);
    expect(direct.logLines.length).toBeGreaterThan(0);
  });

  it('counts and logs a client that gives up sending as Express does', async () => {
    const direct = await giveUpSending(service.httpServer, 'gave-up');
    expect(direct.refusals).toEqual([['BAD_REQUEST']]);
    expect(direct.logLines).toEqual([expect.objectContaining({ msg: 'request aborted' })]);
    expect(direct).toEqual(await giveUpSending(expressOnly, 'gave-up'));
  });

  it('answers JSON POSTs without going through Express, and everything else through it', async () => {
    const handle = jest.spyOn(service.app as unknown as { handle: (...args: unknown[]) => void }, 'handle');
    try {
      for (const [, sent] of JSON_POSTS) await exchange(portOf(service.httpServer), sent);
      expect(handle).not.toHaveBeenCalled();
      for (const [, sent] of OTHER_REQUESTS) await exchange(portOf(service.httpServer), sent);
      expect(handle).toHaveBeenCalledTimes(OTHER_REQUESTS.length);
    } finally {
      handle.mockRestore();
    }
  });

  it('answers as documented: the client address from the trusted proxy, refusals with their codes', async () => {
    const port = portOf(service.httpServer);
    const proxied = await exchange(port, THROUGH_A_PROXY);
    expect(JSON.parse(proxied.body)).toEqual({ data: { clientAddress: '198.51.100.1' } });
    const badJson = await exchange(port, { headers: json, body: '{"query":' });
    expect({ status: badJson.status, body: JSON.parse(badJson.body) }).toEqual({
      status: 400,
      body: { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] },
    });
    const tooLarge = await exchange(port, { headers: json, body: overTheLimit });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body).errors[0].message).toBe('The request body is larger than the limit of 1048576 bytes');
  });
});
