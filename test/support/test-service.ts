import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/config/logger';
import { startBorderKg, type RunningService } from '../../src/app/app';
import { freePort } from './free-port';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, any>; path?: unknown[] }[] };
}

export interface TestService extends RunningService {
  graphql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  baseUrl: string;
}

/** The `extensions.code` of a response's first error. */
export function errorCode(body: GraphQLResponse['body']): string | undefined {
  return body.errors?.[0]?.extensions?.code;
}

/** The real service, in-process, on a free port, against the test Neo4j of the global setup. */
export async function startTestService(environment: Record<string, string> = {}): Promise<TestService> {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri) throw new Error('TEST_NEO4J_URI is unset: run integration tests through jest (global setup)');
  const config = loadConfig({ ...process.env, PORT: String(await freePort()), HOST: '127.0.0.1', NEO4J_URI: uri, LOG_LEVEL: 'silent', ...environment });
  const running = await startBorderKg(config, createLogger(config.logLevel));
  const baseUrl = running.url.replace(/\/graphql$/, '');
  return {
    ...running,
    baseUrl,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<never>['body'] };
    },
  };
}
