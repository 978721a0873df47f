import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../config/logger';
import { fromProjectRoot } from '../config/project-root';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import { DatasetImporter, type ImportOutcome } from './dataset-import';
import { readMappingFile, readRelease } from './dataset-mapping';
import { DatasetRepository } from './dataset.repository';
import { DatasetImportError } from './import-error';

/**
 * The releases `npm start` loads (data/datasets/startup.json): a list of { mapping, csv } paths
 * under data/datasets/, each with an optional release { label, publishedOn } that replaces the
 * mapping's, so that a later release of a dataset is one more entry and no code.
 */
const STARTUP_DATASETS = fromProjectRoot('data', 'datasets', 'startup.json');

interface StartupEntry {
  mapping: string;
  csv: string;
  release?: unknown;
}

function readEntries(): StartupEntry[] {
  const entries = JSON.parse(readFileSync(STARTUP_DATASETS, 'utf8')) as unknown;
  const valid = (entry: unknown): entry is StartupEntry =>
    typeof entry === 'object' && entry !== null && typeof (entry as StartupEntry).mapping === 'string' && typeof (entry as StartupEntry).csv === 'string';
  if (!Array.isArray(entries) || !entries.every(valid)) throw new Error(`${STARTUP_DATASETS}: expected a list of { "mapping": "...", "csv": "..." }`);
  return entries;
}

/**
 * Imports every startup release the database lacks; one it holds (same file) costs a checksum.
 * A release another process is importing at the same moment is left to it, with a warning.
 */
export async function loadStartupDatasets(executor: Neo4jExecutor, log: Logger): Promise<ImportOutcome[]> {
  const importer = new DatasetImporter(new DatasetRepository(executor));
  const outcomes: ImportOutcome[] = [];
  for (const entry of readEntries()) {
    const mapping = readMappingFile(path.join(path.dirname(STARTUP_DATASETS), entry.mapping));
    if (entry.release !== undefined) mapping.release = readRelease(entry.release, 'startup.json release');
    try {
      const outcome = await importer.import(mapping, path.join(path.dirname(STARTUP_DATASETS), entry.csv));
      outcomes.push(outcome);
      if (outcome.status === 'imported') {
        log.info({ release: outcome.release.id, observations: outcome.release.observationCount, seconds: outcome.seconds }, 'Dataset release imported');
      }
    } catch (error) {
      if (!(error instanceof DatasetImportError && error.reason === 'IMPORT_IN_PROGRESS')) throw error;
      log.warn({ csv: entry.csv }, error.message);
    }
  }
  return outcomes;
}
