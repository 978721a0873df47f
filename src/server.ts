import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { pinoHttp } from 'pino-http';
import type { Config } from './config';
import { createContext, type GraphQLContext } from './graphql/context';
import { formatError, isClientSafe } from './graphql/format-error';
import { ideRouter } from './graphql/ide/ide.router';
import { queryLimitOptions } from './graphql/limits';
import { healthRouter } from './http/health';
import type { ServiceMetrics } from './http/metrics';
import { requestErrorHandler } from './http/request-errors';
import type { Logger } from './logger';
import { QueryStats, type Neo4jExecutor } from './neo4j/neo4j-executor';
import type { Readiness } from './readiness';
import { unwrapResolverError } from '@apollo/server/errors';
import { viewerFor } from './auth/viewer';
import { readAccessPlugin } from './auth/auth-checks';

/** A client's X-Request-Id is kept when it looks like an id, so logs can be joined across services. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Logs what formatError masks, with the request id, so a client's report can be traced. */
const logUnexpectedErrors: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (!isClientSafe(original) && !isClientSafe(error)) {
            contextValue.log.error({ err: original, path: error.path }, 'Unexpected error while resolving');
          }
        }
      },
      async willSendResponse({ response, contextValue }) {
        response.http.headers.set('x-cypher-round-trips', String(contextValue.stats.roundTrips));
      },
    };
  },
};

export interface ServiceDependencies {
  config: Config;
  executor: Neo4jExecutor;
  log: Logger;
  metrics: ServiceMetrics;
  readiness: Readiness;
  schema: GraphQLSchema;
}

export async function createHttpService({ config, executor, log, metrics, readiness, schema }: ServiceDependencies) {
  const app = express();
  const httpServer = http.createServer(app);
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger: log,
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
  app.use(healthRouter(executor, readiness));
  app.use(metrics.router());

  const limits = queryLimitOptions(config.limits, { hideSchemaDetails: config.isProduction });
  const apollo = new ApolloServer<GraphQLContext>({
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
      logUnexpectedErrors,
      readAccessPlugin(config.auth.readsRequireKey),
      metrics.apolloPlugin(),
      ...limits.plugins,
    ],
  });
  await apollo.start();

  app.use(ideRouter({ endpoint: '/graphql' }));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestLog = req.log;
        const stats = new QueryStats();
        return createContext({
          requestId: String(req.id),
          log: requestLog,
          viewer: viewerFor(req.headers.authorization, config.auth.apiKeys),
          stats,
          executor: executor.forRequest(stats, requestLog),
        });
      },
    }),
  );
  app.use(requestErrorHandler(metrics.countRefusedRequest));

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
