import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import {
  buildBorderKgSchema,
  createAppContext,
  createDriver,
  createLogger,
  errorLoggingPlugin,
  fairUsePlugin,
  formatError,
  loadConfig,
  metricsPlugin,
  Neo4jExecutor,
  queryLimitOptions,
  readAccessPlugin,
  requestTracePlugin,
  RequestTrace,
  ServiceMetrics,
  viewerFor,
} from '../../src/index';
import { childSettings, reportFailure, reportReady, stopOnSignal } from './child';
import type { LayerPart } from './layers';

/**
 * The service's stack built up one layer at a time, for the breakdown of a request's cost
 * (bench/breakdown.ts). BENCH_LAYERS names the parts switched on, each as src/http/server.ts
 * sets it up; a stack without Apollo answers `{ __typename }`'s JSON itself.
 */

const TYPENAME_ANSWER = JSON.stringify({ data: { __typename: 'Query' } });

async function main() {
  const { neo4jUri, neo4jUsername, neo4jPassword, port } = childSettings();
  const parts = new Set((process.env.BENCH_LAYERS ?? '').split(',').filter(Boolean) as LayerPart[]);
  const on = (part: LayerPart) => parts.has(part);
  const config = loadConfig({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', NEO4J_URI: neo4jUri, NEO4J_USERNAME: neo4jUsername, NEO4J_PASSWORD: neo4jPassword });
  // The service logs every request at info; here the lines go nowhere, but are still made.
  const log = createLogger('info', createWriteStream('/dev/null'));

  if (!on('express')) {
    const server = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end(TYPENAME_ANSWER));
    });
    await listen(server, port);
    stopOnSignal(async () => void server.close());
    reportReady(`http://127.0.0.1:${port}/graphql`);
    return;
  }

  const app = express();
  app.disable('x-powered-by');
  if (on('request-log')) {
    app.use(
      pinoHttp({
        logger: log,
        genReqId: (_request, response) => {
          const id = randomUUID();
          response.setHeader('x-request-id', id);
          return id;
        },
      }),
    );
  }
  if (on('helmet')) app.use(helmet({ contentSecurityPolicy: false }));
  const graphqlHeaders: RequestHandler = (_request, response, next) => {
    if (on('helmet')) response.set({ 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'" });
    next();
  };

  const driver = createDriver({ ...config.neo4j, uri: neo4jUri });
  const executor = new Neo4jExecutor(driver, { ...config.neo4j }, log);
  let stopApollo = async () => {};
  if (!on('apollo')) {
    app.post('/graphql', graphqlHeaders, express.json({ limit: '1mb' }), (_request, response) => void response.type('json').send(TYPENAME_ANSWER));
  } else {
    const metrics = new ServiceMetrics();
    const limits = queryLimitOptions(config.limits, { hideSchemaDetails: true });
    const plugins: ApolloServerPlugin<never>[] = [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()];
    if (on('error-logging')) plugins.push(errorLoggingPlugin as ApolloServerPlugin<never>);
    if (on('request-trace')) plugins.push(requestTracePlugin as ApolloServerPlugin<never>);
    if (on('read-access')) plugins.push(readAccessPlugin(config.auth.readsRequireKey) as ApolloServerPlugin<never>);
    if (on('metrics')) plugins.push(metricsPlugin(metrics) as ApolloServerPlugin<never>);
    if (on('limits')) plugins.push(...(limits.plugins as ApolloServerPlugin<never>[]));
    // Budgets that cannot run out: the bench's one client would spend any real one.
    if (on('fair-use')) plugins.push(fairUsePlugin({ ...config.fairUse, costBudget: 1e12, writeBudget: 1e12 }, config.limits.maxCost, metrics) as ApolloServerPlugin<never>);
    const apollo = new ApolloServer<never>({
      schema: await buildBorderKgSchema(),
      formatError,
      includeStacktraceInErrorResponses: false,
      introspection: true,
      ...(on('limits') ? { ...limits, plugins } : { plugins }),
    });
    await apollo.start();
    stopApollo = () => apollo.stop();
    app.use(
      '/graphql',
      graphqlHeaders,
      express.json({ limit: '1mb' }),
      expressMiddleware(apollo, {
        context: async ({ req }) => {
          const trace = new RequestTrace(String(req.id ?? randomUUID()));
          const request = { requestId: trace.requestId, log: req.log ?? log, viewer: viewerFor(req.headers.authorization, config.auth.apiKeys), clientAddress: req.ip ?? 'unknown', trace };
          return (on('app-context') ? createAppContext(request, executor.forRequest(trace, request.log)) : request) as never;
        },
      }),
    );
  }
  const server = http.createServer(app);
  await listen(server, port);
  stopOnSignal(async () => {
    server.close();
    await stopApollo();
    await driver.close();
  });
  reportReady(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => server.listen(port, '127.0.0.1', resolve).once('error', reject));
}

main().catch(reportFailure);
