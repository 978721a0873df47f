import type { Logger } from '../config/logger';
import { listCypherFiles, readCypher } from '../neo4j/cypher-files';
import { applyMigrations } from '../neo4j/migrations';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import { BackupError, BackupErrorCode } from './backup-error';
import { readBackupFile, type BackupHeader, type BackupTrailer } from './backup-file';
import { decodeProperties } from './property-values';

/**
 * `npm run restore`: a backup file (backup-file.ts) into an empty database. The file is read
 * twice: once to check all of it (trailer, sha256, every value) before anything is written, then
 * to load it in batches, a transaction each. Restored nodes carry a temporary label and their
 * backup elementId, which relationships find their ends by, until the last batch is in. A restore
 * that fails half-way removes what it wrote, so the database is empty again; should that fail
 * too, what is left is told apart by that label (restore-target.cypher).
 */

/** Rows per transaction: large enough to keep round trips few, small enough for a modest heap. */
const BATCH_SIZE = 10_000;

/** One batch's transaction: generous, as a batch of nodes with long texts takes a while on a busy machine. */
const BATCH_TRANSACTION_LIMIT_MS = 5 * 60 * 1000;

/** One statement of cypher/queries/backup/ in a transaction of its own, with a batch's time limit. */
function writeBatch(executor: Neo4jExecutor, query: string, params: Record<string, unknown>) {
  return executor.writeTransaction((tx) => tx.run(readCypher(`queries/backup/${query}`), params), BATCH_TRANSACTION_LIMIT_MS);
}

export interface RestoreProgress {
  phase: 'verifying' | 'nodes' | 'relationships' | 'finishing';
  done: number;
  total: number;
}

export interface VerifiedBackup {
  header: BackupHeader;
  trailer: BackupTrailer;
}

export interface RestoreOutcome extends VerifiedBackup {
  seconds: number;
}

type OnProgress = (progress: RestoreProgress) => void;

/** Records between two progress reports (batches are of BATCH_SIZE, a divisor). */
const PROGRESS_INTERVAL = 100_000;

/** Tells of progress every PROGRESS_INTERVAL records and at the end of a phase. */
function report(onProgress: OnProgress, progress: RestoreProgress): void {
  if (progress.done % PROGRESS_INTERVAL === 0 || progress.done === progress.total) onProgress(progress);
}

/**
 * Reads the whole file and checks it as a restore needs it: intact (trailer, sha256), every
 * value decodable, and made by a border-kg that knows no migration this one lacks.
 */
export async function verifyBackup(file: string, onProgress: OnProgress = () => undefined): Promise<VerifiedBackup> {
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  let done = 0;
  for await (const line of readBackupFile(file)) {
    if (line.kind === 'header') header = line.header;
    else if (line.kind === 'trailer') trailer = line.trailer;
    else {
      decodeProperties(line.properties);
      done += 1;
      report(onProgress, { phase: 'verifying', done, total: header!.counts.nodes + header!.counts.relationships });
    }
  }
  // readBackupFile yields the header first and the trailer last, or throws.
  refuseNewerSchema(header!);
  return { header: header!, trailer: trailer! };
}

function refuseNewerSchema(header: BackupHeader): void {
  const known = new Set(listCypherFiles('migrations'));
  const unknown = header.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BackupError(
      BackupErrorCode.NEWER_SCHEMA,
      `the backup's database had migrations this border-kg does not know (${unknown.join(', ')}): restore it with the version that made it`,
    );
  }
}

/**
 * Loads a verified backup file into the database, which must hold nothing but the ledger of
 * migrations (withMigratedNeo4j has applied them: constraints and indexes are in place first).
 */
export async function restoreGraph(executor: Neo4jExecutor, file: string, verified: VerifiedBackup, log: Logger, onProgress: OnProgress = () => undefined): Promise<RestoreOutcome> {
  const started = performance.now();
  await refuseNonEmpty(executor);
  try {
    await executor.runAutoCommit(readCypher('queries/backup/restore-index.cypher'));
    await executor.runAutoCommit('CALL db.awaitIndexes(300)');
    await executor.write(readCypher('queries/backup/restore-clear-ledger.cypher'));
    await load(executor, file, verified.trailer, onProgress);
    await finish(executor, verified.trailer, onProgress);
  } catch (error) {
    throw await undo(executor, log, error);
  }
  // Migrations newer than the backup: applied already, recorded again in the ledger the backup replaced.
  await applyMigrations(executor, log);
  return { ...verified, seconds: (performance.now() - started) / 1000 };
}

async function refuseNonEmpty(executor: Neo4jExecutor): Promise<void> {
  const [target] = await executor.read(readCypher('queries/backup/restore-target.cypher'));
  const nodes = target!.get('nodes') as number;
  const relationships = target!.get('relationships') as number;
  const unfinished = target!.get('unfinished') as number;
  if (nodes === 0 && relationships === 0) return;
  const what = `${nodes} nodes and ${relationships} relationships`;
  throw new BackupError(
    BackupErrorCode.DATABASE_NOT_EMPTY,
    unfinished > 0
      ? `the database holds ${what}, and ${unfinished} nodes carry the label of a restore that did not finish (:BorderKgRestoring): empty it, or restore into a fresh data folder`
      : `the database holds ${what}: a restore writes into an empty database only (a fresh data folder, or an emptied database)`,
  );
}

async function load(executor: Neo4jExecutor, file: string, trailer: BackupTrailer, onProgress: OnProgress): Promise<void> {
  let rows: Record<string, unknown>[] = [];
  let phase: 'nodes' | 'relationships' = 'nodes';
  let done = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    const batch = rows;
    rows = [];
    if (phase === 'nodes') {
      await writeBatch(executor, 'restore-nodes.cypher', { rows: batch });
    } else {
      const [record] = await writeBatch(executor, 'restore-relationships.cypher', { rows: batch });
      const created = record!.get('created') as number;
      if (created !== batch.length) {
        throw new BackupError(BackupErrorCode.CORRUPT, `${batch.length - created} relationship(s) of the file name an end the file does not hold`);
      }
    }
    done += batch.length;
    report(onProgress, { phase, done, total: phase === 'nodes' ? trailer.nodes : trailer.relationships });
  };

  // The file is read anew; readBackupFile checks it again as it goes, and a file changed since it
  // was verified fails at its end, before the restore is finished.
  for await (const line of readBackupFile(file)) {
    if (line.kind === 'node') {
      rows.push({ id: line.id, labels: line.labels, properties: decodeProperties(line.properties) });
    } else if (line.kind === 'relationship') {
      if (phase === 'nodes') {
        await flush();
        phase = 'relationships';
        done = 0;
      }
      rows.push({ type: line.type, start: line.start, end: line.end, properties: decodeProperties(line.properties) });
    } else continue;
    if (rows.length === BATCH_SIZE) await flush();
  }
  await flush();
}

/** Takes the temporary label and elementIds off, then the index that served them. */
async function finish(executor: Neo4jExecutor, trailer: BackupTrailer, onProgress: OnProgress): Promise<void> {
  let done = 0;
  for (;;) {
    const [record] = await writeBatch(executor, 'restore-finish.cypher', { batchSize: BATCH_SIZE });
    const finished = record!.get('finished') as number;
    if (finished === 0) break;
    done += finished;
    report(onProgress, { phase: 'finishing', done, total: trailer.nodes });
  }
  await executor.runAutoCommit(readCypher('queries/backup/restore-drop-index.cypher'));
}

/**
 * After a failure: removes everything (the database held nothing but the ledger before), the
 * index, and records the migrations again. Returns the error to report: RESTORE_FAILED when the
 * database is empty again, RESTORE_INCOMPLETE when it could not be emptied.
 */
async function undo(executor: Neo4jExecutor, log: Logger, cause: unknown): Promise<BackupError> {
  const reason = cause instanceof BackupError ? `${cause.code}: ${cause.message}` : cause instanceof Error ? cause.message : String(cause);
  log.warn({ reason }, 'The restore failed; removing what it wrote');
  try {
    for (const query of ['wipe-relationships.cypher', 'wipe-nodes.cypher']) {
      let deleted: number;
      do {
        const [record] = await writeBatch(executor, query, { batchSize: BATCH_SIZE });
        deleted = record!.get('deleted') as number;
      } while (deleted > 0);
    }
    await executor.runAutoCommit(readCypher('queries/backup/restore-drop-index.cypher'));
    await applyMigrations(executor, log);
  } catch (cleanup) {
    return new BackupError(
      BackupErrorCode.RESTORE_INCOMPLETE,
      `the restore failed (${reason}), and removing what it had written failed too (${cleanup instanceof Error ? cleanup.message : String(cleanup)}): ` +
        'the database holds part of the backup. Empty it, or restore into a fresh data folder, then run the restore again',
    );
  }
  return new BackupError(BackupErrorCode.RESTORE_FAILED, `the restore failed (${reason}); what it had written is removed and the database is empty again`);
}
