import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HeavyOperationCounts, HeavyOperationWatcher } from '../graphql/plugins/fair-use/fair-use.plugin';
import type { GraphQLRequestRecorder, ObservedGraphQLRequest } from '../graphql/plugins/metrics/metrics.plugin';
import type { ResponseCacheEvent, ResponseCacheRecorder, ResponseCacheSizes } from '../graphql/plugins/response-cache/response-cache.plugin';
import type { Neo4jQueryObservation } from '../neo4j/neo4j-executor';

/**
 * Operation names come from clients, and each new label value is a new time series kept for
 * the life of the process: past this many, further names are counted as OTHER_OPERATIONS.
 */
const MAX_OPERATION_LABELS = 200;
/**
 * Of those, names first sent without an API key: anyone may send any name, so they must not
 * take the slots of the names key holders' clients send.
 */
const MAX_ANONYMOUS_OPERATION_LABELS = 50;
/** Longer names are counted as OTHER_OPERATIONS too: a label value is kept in memory for good. */
const MAX_OPERATION_NAME_LENGTH = 100;
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
export class ServiceMetrics implements GraphQLRequestRecorder, HeavyOperationWatcher, ResponseCacheRecorder {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private anonymousOperationNames = 0;
  private heavyOperationCounts?: () => HeavyOperationCounts;
  private responseCacheSizes?: () => ResponseCacheSizes;

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

  /** Read at each scrape; absent while heavy operations are not bounded (FAIR_USE_HEAVY_CONCURRENCY=0). */
  private readonly heavyOperations = new Gauge({
    name: 'borderkg_heavy_operations',
    help: 'Heavy operations (cost FAIR_USE_HEAVY_COST or more) running and waiting for a slot, by state ("running", "queued")',
    labelNames: ['state'] as const,
    registers: [this.registry],
    collect: () => {
      const counts = this.heavyOperationCounts?.();
      if (!counts) return;
      this.heavyOperations.set({ state: 'running' }, counts.running);
      this.heavyOperations.set({ state: 'queued' }, counts.queued);
    },
  });

  /** The response cache (RESPONSE_CACHE_ENABLED): its hit ratio is hits / (hits + misses). */
  private readonly responseCacheHits = new Counter({
    name: 'borderkg_response_cache_hits_total',
    help: 'Queries answered from the response cache',
    registers: [this.registry],
  });

  private readonly responseCacheMisses = new Counter({
    name: 'borderkg_response_cache_misses_total',
    help: 'Queries the response cache looked up and did not hold, which ran',
    registers: [this.registry],
  });

  private readonly responseCacheStores = new Counter({
    name: 'borderkg_response_cache_stores_total',
    help: 'Answers the response cache kept (answers with errors are never offered)',
    registers: [this.registry],
  });

  private readonly responseCacheNotStored = new Counter({
    name: 'borderkg_response_cache_not_stored_total',
    help: 'Answers without errors the response cache did not keep, by reason ("stale": a write ended while they were read; "too_large")',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  private readonly responseCacheInvalidations = new Counter({
    name: 'borderkg_response_cache_invalidations_total',
    help: 'Writes that emptied the response cache (every write through this process that ended)',
    registers: [this.registry],
  });

  /** Read at each scrape; absent while the response cache is off. */
  private readonly responseCacheEntries = new Gauge({
    name: 'borderkg_response_cache_entries',
    help: 'Answers the response cache holds',
    registers: [this.registry],
    collect: () => {
      const sizes = this.responseCacheSizes?.();
      if (sizes) this.responseCacheEntries.set(sizes.entries);
    },
  });

  private readonly responseCacheBytes = new Gauge({
    name: 'borderkg_response_cache_bytes',
    help: 'Bytes of answers the response cache holds (RESPONSE_CACHE_MAX_BYTES bounds it)',
    registers: [this.registry],
    collect: () => {
      const sizes = this.responseCacheSizes?.();
      if (sizes) this.responseCacheBytes.set(sizes.bytes);
    },
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /**
   * GET /metrics in Prometheus' text format; with a key, only for scrapers that send it as
   * `Authorization: Bearer <key>` (Prometheus' `authorization` setting of a scrape job).
   */
  router(key?: string): Router {
    const router = Router();
    router.get('/metrics', async (request, response) => {
      if (key !== undefined && !bearerMatches(request.headers.authorization, key)) {
        response
          .status(401)
          .set('WWW-Authenticate', 'Bearer realm="metrics"')
          .type('text/plain')
          .send('GET /metrics needs Authorization: Bearer <METRICS_KEY>\n');
        return;
      }
      response.type(this.registry.contentType).send(await this.registry.metrics());
    });
    return router;
  }

  /** Counts a GraphQL request with its outcome ("ok" or its first error's code) and latency. */
  readonly recordRequest = ({ operationName, withKey, errorCodes, durationSeconds }: ObservedGraphQLRequest): void => {
    const label = operationName === undefined ? NO_OPERATION : operationName === null ? ANONYMOUS_OPERATION : this.operationLabel(operationName, withKey);
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

  readonly watchHeavyOperations = (counts: () => HeavyOperationCounts): void => {
    this.heavyOperationCounts = counts;
  };

  readonly recordResponseCache = (event: ResponseCacheEvent): void => {
    switch (event) {
      case 'hit':
        this.responseCacheHits.inc();
        break;
      case 'miss':
        this.responseCacheMisses.inc();
        break;
      case 'stored':
        this.responseCacheStores.inc();
        break;
      case 'stale':
      case 'too_large':
        this.responseCacheNotStored.inc({ reason: event });
        break;
      case 'invalidation':
        this.responseCacheInvalidations.inc();
        break;
    }
  };

  readonly watchResponseCache = (sizes: () => ResponseCacheSizes): void => {
    this.responseCacheSizes = sizes;
  };

  readonly observeNeo4jQuery = ({ mode, durationMs, failed }: Neo4jQueryObservation): void => {
    this.neo4jDuration.observe({ mode, outcome: failed ? 'error' : 'ok' }, durationMs / 1000);
  };

  private operationLabel(name: string, withKey: boolean): string {
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_LABELS || name.length > MAX_OPERATION_NAME_LENGTH) return OTHER_OPERATIONS;
    if (!withKey) {
      if (this.anonymousOperationNames >= MAX_ANONYMOUS_OPERATION_LABELS) return OTHER_OPERATIONS;
      this.anonymousOperationNames++;
    }
    this.operationNames.add(name);
    return name;
  }
}

/** A scraper's `Authorization: Bearer <key>` against the metrics key, compared in constant time. */
function bearerMatches(header: string | undefined, key: string): boolean {
  const offered = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return offered !== undefined && timingSafeEqual(digest(offered), digest(key));
}
