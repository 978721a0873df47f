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
