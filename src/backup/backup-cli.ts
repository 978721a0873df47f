import { fromProjectRoot } from '../config/project-root';
import { BackupErrorCode } from './backup-error';
import type { BackupOutcome, BackupProgress } from './backup';
import type { RestoreOutcome, RestoreProgress } from './restore';

/**
 * What `npm run backup` and `npm run restore` (scripts/backup.ts, scripts/restore.ts) print,
 * apart from connecting to Neo4j: their usage, progress lines and summaries.
 */

export const BACKUP_USAGE = `usage: npm run backup -- [--out FILE]

  Writes the whole graph, every node and relationship whatever its labels, to FILE (by default
  backups/border-kg-<time>.jsonl.gz): JSON Lines, gzipped when the name ends in .gz, with the
  sha256 of its content in its last line (docs/operations.md#backup-and-restore). An existing
  file is never overwritten.
  Neo4j: NEO4J_URI and the other variables of \`npm start\`; without NEO4J_URI the local one is
  started (stop \`npm start\` first: the local data folder has one owner at a time).
  Exit status: 0 written, 2 a usage error or FILE exists, 3 the backup could not be made.`;

export const RESTORE_USAGE = `usage: npm run restore -- <file>

  Loads a file of \`npm run backup\` into an empty database: checks all of the file first
  (a damaged or edited file writes nothing), applies the migrations, then loads it in batches.
  A restore that fails half-way removes what it wrote. The database must hold nothing: move the
  local data folder (.neo4j/dbms) aside for a fresh one, or empty the database first
  (docs/operations.md#backup-and-restore).
  Neo4j: NEO4J_URI and the other variables of \`npm start\`; without NEO4J_URI the local one is
  started (stop \`npm start\` first: the local data folder has one owner at a time).
  Exit status: 0 restored, 1 the file is refused, 2 a usage error or a database that is not
  empty (nothing written either way), 3 the restore failed.`;

/** Refusals of the file itself: the restore wrote nothing, not even to start Neo4j. */
export const FILE_REFUSALS: ReadonlySet<BackupErrorCode> = new Set([
  BackupErrorCode.NOT_A_BACKUP,
  BackupErrorCode.UNSUPPORTED_VERSION,
  BackupErrorCode.TRUNCATED,
  BackupErrorCode.CORRUPT,
  BackupErrorCode.CHECKSUM_MISMATCH,
  BackupErrorCode.NEWER_SCHEMA,
]);

/** backups/border-kg-2025-03-01T10-20-30Z.jsonl.gz: sorts by time, and no colon for file systems that refuse one. */
export function defaultBackupFile(now: Date): string {
  return fromProjectRoot('backups', `border-kg-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z.jsonl.gz`);
}

const count = (n: number) => n.toLocaleString('en-US');

export function progressLine({ phase, done, total }: BackupProgress | RestoreProgress): string {
  return `${phase}: ${count(done)} of ${count(total)}`;
}

/** "Entity 300, Article 40": largest first, then by name. */
function byCount(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  return entries.map(([name, n]) => `${name} ${count(n)}`).join(', ') || 'none';
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatBackupSummary({ file, bytes, header, trailer, seconds }: BackupOutcome): string {
  const { neo4j, migrations } = header;
  return [
    `Summary: backed up ${count(trailer.nodes)} nodes and ${count(trailer.relationships)} relationships`,
    `  file: ${file} (${size(bytes)})`,
    `  sha256 of the content: ${trailer.sha256}`,
    `  nodes by label: ${byCount(trailer.labels)}`,
    `  relationships by type: ${byCount(trailer.types)}`,
    `  from: Neo4j ${neo4j.version} ${neo4j.edition}, database ${neo4j.database}, ${migrations.length} migrations applied${migrations.length ? ` (the last ${migrations.at(-1)})` : ''}`,
    `  elapsed: ${seconds.toFixed(1)} s`,
  ].join('\n');
}

/** `checkSeconds`: the reading of the whole file before anything was written. */
export function formatRestoreSummary(file: string, { header, trailer, seconds }: RestoreOutcome, checkSeconds: number): string {
  return [
    `Summary: restored ${count(trailer.nodes)} nodes and ${count(trailer.relationships)} relationships`,
    `  from: ${file}, made ${header.createdAt} of Neo4j ${header.neo4j.version}, database ${header.neo4j.database}`,
    `  nodes by label: ${byCount(trailer.labels)}`,
    `  relationships by type: ${byCount(trailer.types)}`,
    `  elapsed: ${(checkSeconds + seconds).toFixed(1)} s (checking the file ${checkSeconds.toFixed(1)} s, loading ${seconds.toFixed(1)} s)`,
  ].join('\n');
}
