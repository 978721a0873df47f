import { Router } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { GraphQLRequestRecorder, ObservedGraphQLRequest } from '../graphql/plugins/metrics/metrics.plugin';
import type { Neo4jQueryObservation } from '../neo4j/neo4j-executor';

/**
 * Operation names come from clients, and each new label value is a new time series kept for
 * the life of the process: past this many, further names are counted as OTHER_OPERATIONS.
 */
const MAX_OPERATION_LABELS = 200;
const OTHER_OPERATIONS = '(other)';
/** Requests refused before an operation was chosen: unparsable, invalid, or not GraphQL at all. */
const NO_OPERATION = '(none)';
const ANONYMOUS_OPERATION = '(anonymous)';

/** Seconds; GraphQL requests range from a cached lookup (ms) to the 15 s transaction limit. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];
const NEO4J_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15];

/**
 * The service's Prometheus metrics, in a registry of its own so that several services in one
 * process (as in the tests) do not count into each other.
 */
export class ServiceMetrics implements GraphQLRequestRecorder {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  private readonly graphqlRequests = new Counter({
    name: 'borderkg_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome ("ok" or the error code of the first error)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly graphqlDuration = new Histogram({
    name: 'borderkg_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its response, by operation name and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [this.registry],
  });

  private readonly graphqlErrors = new Counter({
    name: 'borderkg_graphql_errors_total',
    help: 'Errors sent to clients, by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  private readonly neo4jDuration = new Histogram({
    name: 'borderkg_neo4j_query_duration_seconds',
    help: 'Time of the Neo4j queries run for requests, by access mode and outcome ("ok" or "error")',
    labelNames: ['mode', 'outcome'] as const,
    buckets: NEO4J_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** GET /metrics in Prometheus' text format. */
  router(): Router {
    const router = Router();
    router.get('/metrics', async (_request, response) => {
      response.type(this.registry.contentType).send(await this.registry.metrics());
    });
    return router;
  }

  /** Counts a GraphQL request with its outcome ("ok" or its first error's code) and latency. */
  readonly recordRequest = ({ operationName, errorCodes, durationSeconds }: ObservedGraphQLRequest): void => {
    const label = operationName === undefined ? NO_OPERATION : this.operationLabel(operationName ?? ANONYMOUS_OPERATION);
    const outcome = errorCodes[0] ?? 'ok';
    this.graphqlRequests.inc({ operation: label, outcome });
    this.graphqlDuration.observe({ operation: label, outcome }, durationSeconds);
    for (const code of errorCodes) this.graphqlErrors.inc({ code });
  };

  /** For requests refused before a GraphQL request started (malformed JSON, too large); they are not timed. */
  readonly recordRefusedRequest = (code: string): void => {
    this.graphqlRequests.inc({ operation: NO_OPERATION, outcome: code });
    this.graphqlErrors.inc({ code });
  };

  readonly observeNeo4jQuery = ({ mode, durationMs, failed }: Neo4jQueryObservation): void => {
    this.neo4jDuration.observe({ mode, outcome: failed ? 'error' : 'ok' }, durationMs / 1000);
  };

  private operationLabel(name: string): string {
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_LABELS) return OTHER_OPERATIONS;
    this.operationNames.add(name);
    return name;
  }
}
