/**
 * Why a backup or a restore did not happen, as `npm run backup` and `npm run restore` print it
 * (`refused (CHECKSUM_MISMATCH): …`). Scripts and operators branch on these: add codes, never
 * rename one.
 */
export enum BackupErrorCode {
  /** The file is not a backup of border-kg: no header of the format on its first line. */
  NOT_A_BACKUP = 'NOT_A_BACKUP',
  /** A format version this code cannot read (a newer border-kg wrote it). */
  UNSUPPORTED_VERSION = 'UNSUPPORTED_VERSION',
  /** The file ends before its trailer: a copy or a backup cut short. */
  TRUNCATED = 'TRUNCATED',
  /** A line that is no record of the format, records out of order, counts that disagree, or compressed data that does not decompress. */
  CORRUPT = 'CORRUPT',
  /** The content is not what the trailer's sha256 says: the file was changed after it was written. */
  CHECKSUM_MISMATCH = 'CHECKSUM_MISMATCH',
  /** The backup records migrations this code does not know: a newer border-kg made it. */
  NEWER_SCHEMA = 'NEWER_SCHEMA',
  /** A restore writes into an empty database only. */
  DATABASE_NOT_EMPTY = 'DATABASE_NOT_EMPTY',
  /** A property holds a type the format does not know. */
  UNSUPPORTED_TYPE = 'UNSUPPORTED_TYPE',
  /** The database holds what a restore that did not finish left; its temporary label would not restore as it is. */
  UNFINISHED_RESTORE = 'UNFINISHED_RESTORE',
  /** Nodes or relationships were created or deleted while the backup read the graph. */
  GRAPH_CHANGED = 'GRAPH_CHANGED',
  /** The backup's file exists already; a backup never overwrites one. */
  OUTPUT_EXISTS = 'OUTPUT_EXISTS',
  /** The restore failed half-way and removed what it had written: the database is empty again. */
  RESTORE_FAILED = 'RESTORE_FAILED',
  /** The restore failed half-way and could not remove what it had written. */
  RESTORE_INCOMPLETE = 'RESTORE_INCOMPLETE',
}

export class BackupError extends Error {
  override readonly name = 'BackupError';

  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}
