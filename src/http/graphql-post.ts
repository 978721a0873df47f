import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { Logger } from '../config/logger';
import type { ErrorCode } from '../errors';
import { readJsonBody } from './request-body';
import { refuseRequest } from './request-errors';
import type { RequestLog } from './request-log';
import { sendText } from './send-text';

export const GRAPHQL_PATH = '/graphql';

/** The largest request body read, on either path: a document far over the token limit fits. */
export const GRAPHQL_BODY_LIMIT = 1024 * 1024;

/** The JSON media types express.json() reads as UTF-8; any other charset goes through Express. */
const JSON_MEDIA_TYPE = /^application\/json *(?:; *charset=utf-8 *)?$/i;

/**
 * GraphQL answers are data for one client at one moment: never stored by a cache, and never a
 * document a browser would render or frame. The IDE's page, served at the same path to
 * browsers, sets its own policy.
 */
export function setGraphqlResponseHeaders(response: ServerResponse): void {
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
}

/**
 * A POST to /graphql with an uncompressed UTF-8 JSON body, i.e. what GraphQL clients send, and
 * what graphqlPostHandler answers. Everything else, forms and text (which CSRF prevention
 * refuses), compressed bodies, other charsets, requests without a body, GETs, goes through
 * Express, which answers it as it always has.
 */
export function isJsonGraphqlPost(request: IncomingMessage): boolean {
  const { method, url = '', headers } = request;
  return (
    method === 'POST' &&
    (url === GRAPHQL_PATH || url.startsWith(`${GRAPHQL_PATH}?`)) &&
    JSON_MEDIA_TYPE.test(headers['content-type'] ?? '') &&
    headers['content-encoding'] === undefined &&
    // Without either header a request has no body, which express.json() leaves unread.
    (headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined)
  );
}

export interface GraphqlPostOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  requestLog: RequestLog;
  /** Helmet's middleware, which sets its headers and calls on at once. */
  securityHeaders: (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;
  context: (request: IncomingMessage, requestId: string, log: Logger) => TContext;
  onRefused: (code: ErrorCode) => void;
}

/** The request as Apollo's Express integration hands it over: headers joined as the Fetch API joins them. */
function httpGraphQLRequestOf(request: IncomingMessage, body: unknown): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = request.url ?? '';
  const mark = url.indexOf('?');
  return { method: 'POST', headers, search: mark < 0 ? '' : url.slice(mark), body };
}

/**
 * What Express's chain does for a JSON POST to /graphql, without the chain, which costs about
 * 0.3 ms a request before GraphQL starts (Express and body-parser 175 µs, pino-http 109 µs:
 * bench/results/breakdown-latest.md): the request log, helmet's and GraphQL's headers, the body
 * read as express.json() reads it, Apollo called as its Express integration calls it, and
 * errors answered as requestErrorHandler answers them.
 */
export function graphqlPostHandler<TContext extends BaseContext>({
  apollo,
  requestLog,
  securityHeaders,
  context,
  onRefused,
}: GraphqlPostOptions<TContext>): (request: IncomingMessage, response: ServerResponse) => void {
  const execute = async (request: IncomingMessage, response: ServerResponse, body: unknown, requestId: string, log: Logger) => {
    const answered = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: httpGraphQLRequestOf(request, body),
      context: async () => context(request, requestId, log),
    });
    for (const [name, value] of answered.headers) response.setHeader(name, value);
    response.statusCode = answered.status ?? 200;
    if (answered.body.kind === 'complete') {
      sendText(request, response, answered.body.string);
      return;
    }
    for await (const chunk of answered.body.asyncIterator) response.write(chunk);
    response.end();
  };

  return (request, response) => {
    const { id, log } = requestLog.begin(request, response);
    securityHeaders(request, response, () => {});
    setGraphqlResponseHeaders(response);
    const refuse = (error: unknown) => {
      // Express cannot answer once the headers are out either: it cuts the connection.
      if (response.headersSent) response.destroy();
      else refuseRequest(error, request, response, log, onRefused);
    };
    readJsonBody(request, GRAPHQL_BODY_LIMIT, (error, body) => {
      if (error) refuse(error);
      else execute(request, response, body, id, log).catch(refuse);
    });
  };
}
