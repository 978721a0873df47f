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
export { createDriver, Neo4jExecutor } from './neo4j/neo4j-executor';
export { startLocalNeo4j, type LocalNeo4j } from './neo4j/local-neo4j';
export { applyMigrations } from './neo4j/migrations';
export { loadExampleTabs } from './graphql/ide/examples';
export { DERIVED_RELATION_TYPES, ENTITY_KINDS, EntityKind, KIND_LABEL, RELATION_TYPES } from './ontology';
export { slugify } from './entity';
export { encodeEvidence, relationId } from './relation';
export { escapeLucene } from './search';
export { statisticLinks } from './statistic';
export { FOLDER_CONCURRENCY, ingestFile, mapConcurrently } from './ingestion';
export { loadSeed } from './seed';
export { DatasetImporter, DatasetRepository, parseMapping, type ImportProgress } from './dataset';
