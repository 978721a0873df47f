import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { FILE_REFUSALS, formatRestoreSummary, progressLine, RESTORE_USAGE } from '../src/backup/backup-cli';
import { BackupError, BackupErrorCode } from '../src/backup/backup-error';
import { restoreGraph, verifyBackup, type VerifiedBackup } from '../src/backup/restore';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import { EXIT, parseCommandLine, UsageError } from '../src/ingestion';
import { withMigratedNeo4j } from '../src/neo4j/command-line-neo4j';

/**
 * `npm run restore -- <file>` (RESTORE_USAGE in src/backup/backup-cli.ts): a backup file into the
 * configured Neo4j (the local one when NEO4J_URI is unset), which must be empty.
 */
async function main(): Promise<number> {
  let file: string;
  try {
    const { values, positionals } = parseCommandLine(process.argv.slice(2), { help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      console.log(RESTORE_USAGE);
      return EXIT.OK;
    }
    if (positionals.length !== 1) throw new UsageError(`one backup file is needed, got ${positionals.length} argument(s)`);
    file = positionals[0]!;
    if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`border-kg restore: ${error.message}\n\n${RESTORE_USAGE}`);
    return EXIT.USAGE;
  }

  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const onProgress = (progress: Parameters<typeof progressLine>[0]) => console.log(progressLine(progress));
  try {
    // All of the file is checked before Neo4j is even started: a damaged file writes nothing.
    const started = performance.now();
    const verified: VerifiedBackup = await verifyBackup(file, onProgress);
    const checkSeconds = (performance.now() - started) / 1000;
    const outcome = await withMigratedNeo4j(config, log, (executor) => restoreGraph(executor, file, verified, log, onProgress));
    console.log(formatRestoreSummary(file, outcome, checkSeconds));
    return EXIT.OK;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    if (FILE_REFUSALS.has(error.code)) {
      console.error(`border-kg restore: refused (${error.code}): ${error.message}\nNothing was written.`);
      return EXIT.REFUSED;
    }
    if (error.code === BackupErrorCode.DATABASE_NOT_EMPTY) {
      console.error(`border-kg restore: refused (${error.code}): ${error.message}\nNothing was written.`);
      return EXIT.USAGE;
    }
    console.error(`border-kg restore: failed (${error.code}): ${error.message}`);
    return EXIT.FAILED;
  }
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(`border-kg restore: failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = EXIT.FAILED;
  },
);
