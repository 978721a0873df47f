import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import { viewerFor } from '../graphql/auth/viewer';
import type { RequestContext } from '../graphql/context';
import { formatError } from '../graphql/format-error';
import { explorerRouter } from '../explorer/explorer.router';
import { ideRouter } from '../graphql/ide/ide.router';
import { queryLimitOptions } from '../graphql/limits/query-limits';
import { errorLoggingPlugin } from '../graphql/plugins/error-logging/error-logging.plugin';
import { fairUsePlugin } from '../graphql/plugins/fair-use/fair-use.plugin';
import { metricsPlugin } from '../graphql/plugins/metrics/metrics.plugin';
import { readAccessPlugin } from '../graphql/plugins/read-access/read-access.plugin';
import { requestTracePlugin } from '../graphql/plugins/request-trace/request-trace.plugin';
import { RequestTrace, type Neo4jExecutor } from '../neo4j/neo4j-executor';
import { healthRouter } from './health';
import type { ServiceMetrics } from './metrics';
import type { Readiness } from './readiness';
import { requestErrorHandler } from './request-errors';
import { requestLogSerializer } from './request-log';

/** A client's X-Request-Id is kept when it looks like an id, so logs can be joined across services. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * GraphQL answers are data for one client at one moment: never stored by a cache, and never a
 * document a browser would render or frame. The IDE's page, served at the same path to
 * browsers, sets its own policy before this runs.
 */
const graphqlResponseHeaders: RequestHandler = (_request, response, next) => {
  response.set({ 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'" });
  next();
};

/**
 * Builds a request's whole context from its common part and an executor that counts its round
 * trips: each domain adds its own repositories, services and loaders (src/app/context.ts).
 */
export type ContextFactory<TContext extends RequestContext> = (request: RequestContext, executor: Neo4jExecutor) => TContext;

export interface ServiceDependencies<TContext extends RequestContext> {
  config: Config;
  executor: Neo4jExecutor;
  log: Logger;
  metrics: ServiceMetrics;
  readiness: Readiness;
  schema: GraphQLSchema;
  createContext: ContextFactory<TContext>;
}

/** Express and Apollo Server 5: request ids and logs, health, metrics, the IDE, the explorer and /graphql. */
export async function createHttpService<TContext extends RequestContext>({
  config,
  executor,
  log,
  metrics,
  readiness,
  schema,
  createContext,
}: ServiceDependencies<TContext>) {
  const app = express();
  const httpServer = http.createServer(app);
  app.disable('x-powered-by');
  // Behind proxies, the client's address (fair use counts anonymous clients by it) is in X-Forwarded-For.
  if (config.http.trustProxyHops > 0) app.set('trust proxy', config.http.trustProxyHops);
  const secrets = [...config.auth.apiKeys.map(({ key }) => key), ...(config.metrics.key ? [config.metrics.key] : [])];
  app.use(
    pinoHttp({
      logger: log,
      // Keys sent anywhere in a request (a header, the query string), named like one or not, never reach a log line.
      serializers: { req: requestLogSerializer(secrets) },
      genReqId: (request, response) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        response.setHeader('x-request-id', id);
        return id;
      },
      // Probes and scrapes come every few seconds; a log line each would drown the requests.
      autoLogging: { ignore: (request) => ['/healthz', '/readyz', '/metrics'].includes(request.url ?? '') },
    }),
  );
  // Helmet's defaults on every answer (nosniff, no framing, HSTS, no referrer …) but its
  // Content-Security-Policy: the IDE's and the explorer's pages set stricter ones of their own,
  // and GraphQL answers theirs (graphqlResponseHeaders).
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use(healthRouter(executor, readiness));
  app.use(metrics.router(config.metrics.key));

  const limits = queryLimitOptions(config.limits, { hideSchemaDetails: config.isProduction });
  const apollo = new ApolloServer<TContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // The IDE builds its editor from introspection; field suggestions are off in production.
    introspection: true,
    // csrfPrevention is on by default in Apollo Server 5: keep it.
    ...limits,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Installed by default, it hooks every field of every response to gather cache hints that
      // no field here sets (reads are not cacheable: the graph changes with every write).
      ApolloServerPluginCacheControlDisabled(),
      errorLoggingPlugin,
      requestTracePlugin,
      readAccessPlugin(config.auth.readsRequireKey),
      metricsPlugin(metrics),
      ...limits.plugins,
      fairUsePlugin(config.fairUse, config.limits.maxCost, metrics),
    ],
  });
  await apollo.start();

  app.use(ideRouter({ endpoint: '/graphql' }));
  app.use(explorerRouter({ endpoint: '/graphql' }));
  app.use(
    '/graphql',
    graphqlResponseHeaders,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const trace = new RequestTrace(String(req.id));
        const request = {
          requestId: trace.requestId,
          log: req.log,
          viewer: viewerFor(req.headers.authorization, config.auth.apiKeys),
          clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
          trace,
        };
        return createContext(request, executor.forRequest(trace, req.log));
      },
    }),
  );
  app.use(requestErrorHandler(metrics.recordRefusedRequest));

  return {
    app,
    httpServer,
    async listen(): Promise<void> {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.http.port, config.http.host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
    },
    /** Stops accepting requests and lets those in flight finish (Apollo's drain plugin). */
    async stop(): Promise<void> {
      await apollo.stop();
    },
  };
}
