/**
 * The service's public entry: the only module of src/ that tools outside it (bench/, other
 * workspaces) may import. It names what they may rely on; everything else is internal and may
 * move. The dependency rules (.dependency-cruiser.js) enforce it.
 */
// The API's classes carry TypeGraphQL decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';

export { startBorderKg, type RunningService } from './app/app';
export { createIngestionScope } from './app/context';
export { loadConfig, type Config } from './config/config';
export { createLogger, type Logger } from './config/logger';
export { fromProjectRoot } from './config/project-root';
export { readCypher } from './neo4j/cypher-files';
export { createDriver, Neo4jExecutor, withIntegerParams } from './neo4j/neo4j-executor';
export { startLocalNeo4j, type LocalNeo4j } from './neo4j/local-neo4j';
export { applyMigrations } from './neo4j/migrations';
export { loadExampleTabs } from './graphql/ide/examples';
export { DERIVED_RELATION_TYPES, ENTITY_KINDS, EntityKind, KIND_LABEL, RELATION_TYPES } from './ontology';
export { projectionParameters, projectionVariant, slugify } from './entity';
export { RelationDirection, encodeEvidence, relationId, relationPageQuery } from './relation';
export { escapeLucene } from './search';
export { statisticLinks, statisticPageQuery } from './statistic';
export { neighborhoodQuery, shortestPathQuery } from './graph';
export { FOLDER_CONCURRENCY, ingestFile, mapConcurrently } from './ingestion';
export { loadSeed } from './seed';
export { DatasetImporter, DatasetRepository, parseMapping, type ImportProgress } from './dataset';
// The layers of one request, for the breakdown of its cost (bench/breakdown.ts, issue 15).
export { createAppContext } from './app/context';
export { buildBorderKgSchema } from './app/schema';
export { viewerFor } from './graphql/auth/viewer';
export { formatError } from './graphql/format-error';
export { queryLimitOptions } from './graphql/limits/query-limits';
export { errorLoggingPlugin } from './graphql/plugins/error-logging/error-logging.plugin';
export { fairUsePlugin } from './graphql/plugins/fair-use/fair-use.plugin';
export { metricsPlugin } from './graphql/plugins/metrics/metrics.plugin';
export { readAccessPlugin } from './graphql/plugins/read-access/read-access.plugin';
export { requestTracePlugin } from './graphql/plugins/request-trace/request-trace.plugin';
export { ServiceMetrics } from './http/metrics';
export { RequestTrace } from './neo4j/neo4j-executor';
