import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { Logger } from '../config/logger';

/** What a request log line shows of a request: pino-std-serializers' fields. */
export interface LoggedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  query?: unknown;
  params?: unknown;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  remotePort?: number;
}

/**
 * Names of headers and query parameters whose values are credentials, whatever the client
 * meant: Authorization, X-Api-Key, api_key, apikey, access_token, Cookie, …
 */
const SECRET_NAME = /auth|key|token|secret|passw|cookie|session|credential|signature/i;
export const REDACTED = '[redacted]';

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * The request serializer of the request log: the values of headers and query parameters named
 * like a credential, and any value that holds one of the configured secrets (API keys, the
 * metrics key), wherever it is sent, become "[redacted]". The URL keeps every other parameter
 * as the client wrote it.
 */
export function requestLogSerializer(secrets: readonly string[]): (request: LoggedRequest) => LoggedRequest {
  const holdsSecret = (text: string) => secrets.some((secret) => text.includes(secret));
  const redactText = (text: string) =>
    secrets.reduce((result, secret) => result.split(secret).join(REDACTED).split(encodeURIComponent(secret)).join(REDACTED), text);
  const valueOf = (name: string, value: unknown) => {
    if (SECRET_NAME.test(name)) return REDACTED;
    const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
    return holdsSecret(text) ? REDACTED : value;
  };
  const redactRecord = (record: unknown) =>
    record && typeof record === 'object'
      ? Object.fromEntries(Object.entries(record).map(([name, value]) => [name, valueOf(name, value)]))
      : record;
  const redactUrl = (url: string) => {
    const mark = url.indexOf('?');
    if (mark < 0) return redactText(url);
    const pairs = url
      .slice(mark + 1)
      .split('&')
      .map((pair) => {
        const [name = '', value = ''] = pair.split(/=(.*)/s);
        return valueOf(decoded(name), decoded(value)) === REDACTED ? `${name}=${REDACTED}` : pair;
      });
    return redactText(`${url.slice(0, mark)}?${pairs.join('&')}`);
  };
  return (request) => ({
    id: request.id,
    method: request.method,
    url: request.url === undefined ? undefined : redactUrl(request.url),
    query: redactRecord(request.query),
    params: redactRecord(request.params),
    headers: redactRecord(request.headers) as Record<string, unknown> | undefined,
    remoteAddress: request.remoteAddress,
    remotePort: request.remotePort,
  });
}

/** A client's X-Request-Id is kept when it looks like an id, so logs can be joined across services. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The request's id, the client's or a new one, set as the answer's X-Request-Id. */
function assignRequestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader('x-request-id', id);
  return id;
}

/**
 * What pino's request serializer reads of an Express request when pino-http sees it first: the
 * URL as sent, its query string parsed as Express's 'simple' parser does, no route parameters.
 */
function asExpressRequest(request: IncomingMessage, id: string) {
  const url = request.url ?? '';
  const mark = url.indexOf('?');
  return {
    id,
    method: request.method,
    originalUrl: url,
    query: parseQueryString(mark < 0 ? '' : url.slice(mark + 1)),
    params: {},
    headers: request.headers,
    socket: request.socket,
  };
}

export interface RequestLog {
  /** pino-http, for the requests Express answers: sets req.id and req.log. */
  express: HttpLogger;
  /**
   * The same for a request answered without Express: its id (set as X-Request-Id) and its
   * logger, whose lines show the request; the line of its completion is logged as pino-http
   * logs it.
   */
  begin(request: IncomingMessage, response: ServerResponse): { id: string; log: Logger };
}

/**
 * One line a request when it completes (probes and scrapes aside), and a logger per request
 * whose lines show it, with the credentials it carries redacted.
 */
export function createRequestLog(log: Logger, secrets: readonly string[]): RequestLog {
  const express = pinoHttp({
    logger: log,
    // Keys sent anywhere in a request (a header, the query string), named like one or not, never reach a log line.
    serializers: { req: requestLogSerializer(secrets) },
    genReqId: assignRequestId,
    // Probes and scrapes come every few seconds; a log line each would drown the requests.
    autoLogging: { ignore: (request) => ['/healthz', '/readyz', '/metrics'].includes(request.url ?? '') },
  });
  const withSerializers = express.logger;
  return {
    express,
    begin(request, response) {
      const startedAt = Date.now();
      const id = assignRequestId(request, response);
      // At level silent (the benchmark's) nothing is written: the request is not serialised at all.
      if (withSerializers.level === 'silent') return { id, log: withSerializers };
      const requestLog = withSerializers.child({ req: asExpressRequest(request, id) });
      if (requestLog.isLevelEnabled('info')) {
        const logCompletion = (error?: Error) => {
          response.off('close', logCompletion);
          response.off('finish', logCompletion);
          response.off('error', logCompletion);
          const responseTime = Date.now() - startedAt;
          if (error || response.statusCode >= 500) {
            const err = error ?? new Error(`failed with status code ${response.statusCode}`);
            requestLog.info({ res: response, err, responseTime }, 'request errored');
          } else {
            const completed = !request.readableAborted && response.writableEnded;
            requestLog.info({ res: response, responseTime }, completed ? 'request completed' : 'request aborted');
          }
        };
        response.on('close', logCompletion);
        response.on('finish', logCompletion);
        response.on('error', logCompletion);
      }
      return { id, log: requestLog };
    },
  };
}
