import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import {
  DatasetImporter,
  DatasetImportError,
  DatasetRepository,
  formatImportSummary,
  IMPORT_USAGE,
  parseImportArgs,
  progressLine,
  readMappingFile,
  type DatasetMapping,
  type ImportArgs,
  type ImportProgress,
} from '../src/dataset';
import { EXIT, UsageError } from '../src/ingestion';
import { withMigratedNeo4j } from '../src/neo4j/command-line-neo4j';

/**
 * `npm run import -- <mapping.json> <file.csv> [options]` (IMPORT_USAGE in src/dataset/import-cli.ts):
 * imports an official dataset's CSV file as a release, into the configured Neo4j (the local one
 * when NEO4J_URI is unset), and ends with a summary.
 */
async function main(): Promise<number> {
  let args: ImportArgs | 'help';
  try {
    args = parseImportArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`border-kg import: ${error.message}\n\n${IMPORT_USAGE}`);
    return EXIT.USAGE;
  }
  if (args === 'help') {
    console.log(IMPORT_USAGE);
    return EXIT.OK;
  }

  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // Read before Neo4j starts: a bad mapping is refused in a moment.
  let mapping: DatasetMapping;
  try {
    mapping = readMappingFile(args.mapping);
  } catch (error) {
    return refused(error);
  }
  mapping.release = { ...mapping.release, ...args.release };

  // A bar redraws its line with control characters: only on a terminal. A log or CI gets a line per 100,000 rows.
  const bar = process.stdout.isTTY && process.stderr.isTTY
    ? new SingleBar({ format: '{phase} [{bar}] {percentage}% {rows} rows', hideCursor: true, stream: process.stderr }, Presets.shades_classic)
    : null;
  let phase: ImportProgress['phase'] | null = null;
  const onProgress = (progress: ImportProgress) => {
    const [value, total] = progress.phase === 'checking' ? [progress.bytes, progress.totalBytes] : [progress.rows, progress.totalRows!];
    if (bar) {
      if (progress.phase !== phase) {
        bar.stop();
        bar.start(total, value, { phase: progress.phase, rows: progress.rows });
      } else bar.update(value, { rows: progress.rows });
    } else if (progress.rows % 100_000 === 0 || value === total) {
      console.log(progressLine(progress));
    }
    phase = progress.phase;
  };
  try {
    const outcome = await withMigratedNeo4j(config, log, (executor) => new DatasetImporter(new DatasetRepository(executor)).import(mapping, args.csv, onProgress));
    bar?.stop();
    console.log(formatImportSummary(outcome));
    return EXIT.OK;
  } catch (error) {
    bar?.stop();
    return refused(error);
  }
}

/** A refusal is told with its reason and line and exits 1; anything else is thrown on. */
function refused(error: unknown): number {
  if (!(error instanceof DatasetImportError)) throw error;
  console.error(`border-kg import: refused (${error.reason}): ${error.message}\nNothing was imported.`);
  return EXIT.REFUSED;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(`border-kg import: failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = EXIT.FAILED;
  },
);
