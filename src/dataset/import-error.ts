import { BadUserInputError } from '../errors';

/** Why an import was refused; `extensions.reason` of the error. */
export type ImportRefusal =
  /** The mapping file is not JSON, or misses or mistypes a field. */
  | 'BAD_MAPPING'
  /** The CSV file cannot be read. */
  | 'NO_FILE'
  /** The file is not CSV text: binary, not UTF-8, or rows of another width than the header. */
  | 'NOT_CSV'
  /** The header lacks a column the mapping names, or names a column twice. */
  | 'MISSING_COLUMN'
  | 'BAD_PERIOD'
  | 'NOT_A_NUMBER'
  /** A cell the mapping needs is empty: a row's measure. */
  | 'MISSING_VALUE'
  /** A header and no row. */
  | 'EMPTY'
  /** Another file was imported under this release's label. */
  | 'RELEASE_LABEL_TAKEN'
  /** The file changed while it was read. */
  | 'FILE_CHANGED'
  /** Another process is importing this release now. */
  | 'IMPORT_IN_PROGRESS';

export interface ImportErrorDetails {
  reason: ImportRefusal;
  /** "csv", or the mapping's field ("mapping.period.month", "release.label"). */
  field: string;
  /** The line of the CSV file (1 is the header). */
  line?: number;
  column?: string;
}

/**
 * A refused import: nothing of the release was written. A BAD_USER_INPUT, so that any caller
 * (the CLI, the startup load, a test) reads `extensions.reason`, `field` and `line` alike.
 */
export class DatasetImportError extends BadUserInputError {
  readonly reason: ImportRefusal;
  readonly line: number | undefined;

  constructor(message: string, details: ImportErrorDetails) {
    super(details.line === undefined ? message : `line ${details.line}: ${message}`, { ...details });
    this.reason = details.reason;
    this.line = details.line;
  }
}
