import 'reflect-metadata';
import { BACKUP_USAGE, defaultBackupFile, formatBackupSummary, progressLine } from '../src/backup/backup-cli';
import { backupGraph } from '../src/backup/backup';
import { BackupError, BackupErrorCode } from '../src/backup/backup-error';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import { EXIT, parseCommandLine, UsageError } from '../src/ingestion';
import { withMigratedNeo4j } from '../src/neo4j/command-line-neo4j';

/**
 * `npm run backup -- [--out FILE]` (BACKUP_USAGE in src/backup/backup-cli.ts): the whole graph
 * of the configured Neo4j (the local one when NEO4J_URI is unset) into a checksummed file.
 */
async function main(): Promise<number> {
  let file: string;
  try {
    const { values, positionals } = parseCommandLine(process.argv.slice(2), { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      console.log(BACKUP_USAGE);
      return EXIT.OK;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument(s): ${positionals.join(' ')} (the file is named with --out)`);
    if (values.out?.trim() === '') throw new UsageError('--out is blank');
    file = values.out ?? defaultBackupFile(new Date());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`border-kg backup: ${error.message}\n\n${BACKUP_USAGE}`);
    return EXIT.USAGE;
  }

  const config = loadConfig();
  const log = createLogger(config.logLevel);
  try {
    const outcome = await withMigratedNeo4j(config, log, (executor) => backupGraph(executor, file, (progress) => console.log(progressLine(progress))));
    console.log(formatBackupSummary(outcome));
    return EXIT.OK;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(`border-kg backup: refused (${error.code}): ${error.message}\nNo backup was written.`);
    return error.code === BackupErrorCode.OUTPUT_EXISTS ? EXIT.USAGE : EXIT.FAILED;
  }
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(`border-kg backup: failed: ${error instanceof Error ? error.message : String(error)}\nNo backup was written.`);
    process.exitCode = EXIT.FAILED;
  },
);
