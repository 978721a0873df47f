import http, { type IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import helmet from 'helmet';
import proxyAddress from 'proxy-addr';
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
import { GRAPHQL_BODY_LIMIT, GRAPHQL_PATH, graphqlPostHandler, isJsonGraphqlPost, setGraphqlResponseHeaders } from './graphql-post';
import { healthRouter } from './health';
import type { ServiceMetrics } from './metrics';
import type { Readiness } from './readiness';
import { requestErrorHandler } from './request-errors';
import { createRequestLog } from './request-log';

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
  /** The response cache's plugin, made where the executor whose writes invalidate it is (src/app/app.ts); none: no cache. */
  responseCache?: ApolloServerPlugin<RequestContext>;
}

/**
 * Express and Apollo Server 5: request ids and logs, health, metrics, the IDE, the explorer and
 * /graphql. JSON POSTs to /graphql, nearly every request the service answers, skip Express
 * (src/http/graphql-post.ts) and get the same answers and log lines.
 */
export async function createHttpService<TContext extends RequestContext>({
  config,
  executor,
  log,
  metrics,
  readiness,
  schema,
  createContext,
  responseCache,
}: ServiceDependencies<TContext>) {
  const app = express();
  const httpServer = http.createServer();
  app.disable('x-powered-by');
  // Behind proxies, the client's address (fair use counts anonymous clients by it) is in
  // X-Forwarded-For, written by each of the trusted hops in turn.
  const isTrustedProxy = (_address: string, hop: number) => hop < config.http.trustProxyHops;
  app.set('trust proxy', isTrustedProxy);
  const secrets = [...config.auth.apiKeys.map(({ key }) => key), ...(config.metrics.key ? [config.metrics.key] : [])];
  const requestLog = createRequestLog(log, secrets);
  app.use(requestLog.express);
  // Helmet's defaults on every answer (nosniff, no framing, HSTS, no referrer …) but its
  // Content-Security-Policy: the IDE's and the explorer's pages set stricter ones of their own,
  // and GraphQL answers theirs (setGraphqlResponseHeaders).
  const securityHeaders = helmet({ contentSecurityPolicy: false });
  app.use(securityHeaders);
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
      // no field here sets: HTTP caches may not keep answers (the graph changes with every write;
      // the response cache, invalidated by each write, is the one cache of reads).
      ApolloServerPluginCacheControlDisabled(),
      errorLoggingPlugin,
      requestTracePlugin,
      readAccessPlugin(config.auth.readsRequireKey),
      metricsPlugin(metrics),
      ...limits.plugins,
      fairUsePlugin(config.fairUse, config.limits.maxCost, metrics),
      // Last: a hit is answered only after every plugin above has checked and charged the operation.
      ...(responseCache ? [responseCache] : []),
    ],
  });
  await apollo.start();

  const contextFor = (request: IncomingMessage, requestId: string, requestLogger: Logger): TContext => {
    const trace = new RequestTrace(requestId);
    const common = {
      requestId: trace.requestId,
      log: requestLogger,
      viewer: viewerFor(request.headers.authorization, config.auth.apiKeys),
      // Express's req.ip, on both paths.
      clientAddress: proxyAddress(request, isTrustedProxy) ?? request.socket.remoteAddress ?? 'unknown',
      trace,
    };
    return createContext(common, executor.forRequest(trace, requestLogger));
  };

  app.use(ideRouter({ endpoint: GRAPHQL_PATH }));
  app.use(explorerRouter({ endpoint: GRAPHQL_PATH }));
  app.use(
    GRAPHQL_PATH,
    (_request, response, next) => {
      setGraphqlResponseHeaders(response);
      next();
    },
    express.json({ limit: GRAPHQL_BODY_LIMIT }),
    expressMiddleware(apollo, { context: async ({ req }) => contextFor(req, String(req.id), req.log) }),
  );
  app.use(requestErrorHandler(metrics.recordRefusedRequest));

  const graphqlPost = graphqlPostHandler({ apollo, requestLog, securityHeaders, context: contextFor, onRefused: metrics.recordRefusedRequest });
  httpServer.on('request', (request, response) => {
    if (isJsonGraphqlPost(request)) graphqlPost(request, response);
    else app(request, response);
  });

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
