import path from 'node:path';
import { slugify } from '../entity';
import { isConstraintViolation } from '../neo4j/neo4j-errors';
import { readCsv, fileSize, sha256Of, type CsvRow } from './csv-rows';
import { namedColumns, rowReader, type DatasetMapping, type MappedRow, type RowReader } from './dataset-mapping';
import type { ReleaseRecord } from './dataset.record';
import type { DatasetRepository, ReleaseState, StagedRows } from './dataset.repository';
import { DatasetImportError } from './import-error';

/**
 * The generic importer (docs/datasets.md): a CSV file and its dataset's mapping in, one release
 * out, or nothing.
 *
 * A million rows are too many for one transaction on the local Neo4j's 2 GB heap, so a release
 * is written as a staging node (:DatasetReleaseStaging) and batches of rows keyed by its id,
 * which no query reads (every read starts from a published :DatasetRelease), then published in
 * one small transaction that turns the staging node into the release. Everything is checked
 * before the first write: the file is read twice, once to validate every row and sum the
 * pre-aggregates, once to write. Bad input therefore writes nothing at all; a failure while
 * writing (the database) deletes what was staged; a staged release whose import died is found by
 * its stale heartbeat and cleared by the next import of that release.
 */

/** Observations per transaction: about a second of Neo4j's work each. */
const ROWS_PER_TRANSACTION = 20_000;
/**
 * Transactions in flight. Neo4j commits one batch while the next is read and sent: in a trial on
 * this 2-core machine, 200,000 observations took 19.7 s with one in flight and 13.6 s with two.
 */
const WRITERS = 2;
/** A dimension with more values than this gets no subtotals: its filters read the observations. */
export const MAX_SUBTOTAL_VALUES = 1_000;
/** How often a running import says it is alive, and after how long without a word it is taken for dead. */
const HEARTBEAT_MS = 30_000;
const STALE_AFTER_MS = 10 * 60_000;
/** Per transaction: a batch on a busy machine takes seconds, far from this. */
const IMPORT_TRANSACTION_TIMEOUT_MS = 120_000;

export interface ImportProgress {
  /** Checking reads and validates the whole file; writing reads it again and stages it. */
  phase: 'checking' | 'writing';
  bytes: number;
  totalBytes: number;
  rows: number;
  /** Known once the file was checked. */
  totalRows: number | null;
}

export interface ImportOutcome {
  /** `unchanged`: the dataset holds this file already (as `release`); nothing was written. */
  status: 'imported' | 'unchanged';
  release: ReleaseRecord;
  /** Columns of the header the mapping does not read. */
  ignoredColumns: string[];
  seconds: number;
}

/** "<dataset id>@<slug of the label>": readable, and one per label. */
function releaseIdOf(datasetId: string, label: string): string {
  const slug = slugify(label);
  if (!slug) throw new DatasetImportError(`release label "${label}" has no letter or digit to name it by`, { reason: 'BAD_MAPPING', field: 'mapping.release.label' });
  return `${datasetId}@${slug}`;
}

/** What the first reading of a file gathers: every value each dimension takes, and the sums per month. */
class ReleaseSums {
  rows = 0;
  header: string[] = [];
  readonly measures: string[] = [];
  /** Per dimension: value -> code (its index in the release's list of values). */
  readonly codes: Map<string, number>[];
  /** Keyed by measure and month (a NUL between them: no CSV text holds one). */
  readonly totals = new Map<string, { measure: string; month: string; value: number; observations: number }>();
  /** Per dimension, keyed by measure, month and value; null once the dimension has too many values. */
  readonly subtotals: (Map<string, { measure: string; month: string; dimensionValue: string; value: number }> | null)[];
  firstMonth = '9999-12-01';
  lastMonth = '0000-01-01';

  constructor(readonly dimensions: readonly string[]) {
    this.codes = dimensions.map(() => new Map());
    this.subtotals = dimensions.map(() => new Map());
  }

  add(row: MappedRow): void {
    this.rows += 1;
    if (!this.measures.includes(row.measure)) this.measures.push(row.measure);
    if (row.month < this.firstMonth) this.firstMonth = row.month;
    if (row.month > this.lastMonth) this.lastMonth = row.month;
    const key = `${row.measure}\u0000${row.month}`;
    const total = this.totals.get(key) ?? { measure: row.measure, month: row.month, value: 0, observations: 0 };
    total.value += row.value;
    total.observations += 1;
    this.totals.set(key, total);
    row.dimensionValues.forEach((value, index) => {
      const codes = this.codes[index]!;
      let code = codes.get(value);
      if (code === undefined) codes.set(value, (code = codes.size));
      const subtotals = this.subtotals[index];
      if (!subtotals) return;
      if (codes.size > MAX_SUBTOTAL_VALUES) {
        this.subtotals[index] = null;
        return;
      }
      const subtotalKey = `${key}\u0000${code}`;
      const subtotal = subtotals.get(subtotalKey) ?? { measure: row.measure, month: row.month, dimensionValue: value, value: 0 };
      subtotal.value += row.value;
      subtotals.set(subtotalKey, subtotal);
    });
  }

  /** Rows of stage-totals.cypher. */
  totalRows(): StagedRows {
    return [...this.totals.values()].map((total) => [total.measure, total.month, total.value, total.observations]);
  }

  /** Rows of stage-subtotals.cypher. */
  subtotalRows(): StagedRows {
    return this.subtotals.flatMap((subtotals, index) =>
      [...(subtotals?.values() ?? [])].map((subtotal) => [subtotal.measure, subtotal.month, this.dimensions[index]!, subtotal.dimensionValue, subtotal.value]),
    );
  }
}

export class DatasetImporter {
  constructor(
    private readonly repository: DatasetRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Imports a CSV file as a release of the mapping's dataset (the mapping's release label and
   * date). The same file again is a no-op; another file is another release, beside the first.
   * Refusals are DatasetImportErrors, with the line where the file is at fault.
   */
  async import(mapping: DatasetMapping, file: string, onProgress: (progress: ImportProgress) => void = () => {}): Promise<ImportOutcome> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const totalBytes = await fileSize(file);
    const checksum = await sha256Of(file);
    const datasetId = mapping.dataset.id;
    const releaseId = releaseIdOf(datasetId, mapping.release.label);

    /** What a release published already makes of this import: a no-op, a refusal, or nothing (null). */
    const settled = async (): Promise<{ state: ReleaseState; outcome: ImportOutcome | null }> => {
      const state = await this.repository.releaseState(datasetId, releaseId, checksum);
      if (state.sameFile) return { state, outcome: { status: 'unchanged', release: state.sameFile, ignoredColumns: [], seconds: seconds() } };
      if (state.sameIdChecksum === null) return { state, outcome: null };
      throw new DatasetImportError(
        `release "${mapping.release.label}" of ${datasetId} holds another file (sha256 ${state.sameIdChecksum.slice(0, 12)}…): give this one another label`,
        { reason: 'RELEASE_LABEL_TAKEN', field: 'mapping.release.label' },
      );
    };
    const { state, outcome: published } = await settled();
    if (published) return published;

    const sums = await this.check(mapping, file, checksum, (rows, bytes) => onProgress({ phase: 'checking', rows, bytes, totalBytes, totalRows: null }));

    const now = () => this.clock().toISOString();
    if (state.stagingHeartbeatAt !== null) {
      if (Date.parse(state.stagingHeartbeatAt) > this.clock().getTime() - STALE_AFTER_MS) throw inProgress(releaseId);
      await this.repository.discardStaged(releaseId);
    }
    let claimed: boolean;
    try {
      claimed = await this.repository.claimStaging({ releaseId, datasetId, checksum, now: now() }, IMPORT_TRANSACTION_TIMEOUT_MS);
    } catch (error) {
      if (isConstraintViolation(error)) throw inProgress(releaseId);
      throw error;
    }
    if (!claimed) {
      // Published meanwhile under this id, by a concurrent import that claimed it first.
      const { outcome } = await settled();
      if (!outcome) throw inProgress(releaseId);
      return outcome;
    }

    const release: ReleaseRecord = {
      id: releaseId,
      datasetId,
      label: mapping.release.label,
      publishedOn: mapping.release.publishedOn,
      checksum,
      importedAt: now(),
      file: path.basename(file),
      observationCount: sums.rows,
      firstMonth: sums.firstMonth,
      lastMonth: sums.lastMonth,
      measures: sums.measures,
      unit: mapping.unit,
      dimensions: mapping.dimensions.map((name, index) => ({ name, values: [...sums.codes[index]!.keys()] })),
      subtotalDimensions: mapping.dimensions.filter((_, index) => sums.subtotals[index] !== null),
    };
    try {
      await this.stage(releaseId, mapping, file, checksum, sums, (rows, bytes) => onProgress({ phase: 'writing', rows, bytes, totalBytes, totalRows: sums.rows }));
      await this.repository.publish(mapping.dataset, release, IMPORT_TRANSACTION_TIMEOUT_MS);
    } catch (error) {
      // Should the database be gone, the staging node's heartbeat goes stale, and the next
      // import of the release clears what is left: the error to tell is the first one.
      await this.repository.discardStaged(releaseId).catch(() => undefined);
      // The same file, published under another label by a concurrent import: a no-op after all.
      const outcome = isConstraintViolation(error) ? (await settled()).outcome : null;
      if (!outcome) throw error;
      return outcome;
    }
    const read = namedColumns(mapping);
    return { status: 'imported', release, ignoredColumns: sums.header.filter((column) => !read.includes(column)), seconds: seconds() };
  }

  /** The first reading: every row validated, the dimensions' values coded, the sums added up. Writes nothing. */
  private async check(mapping: DatasetMapping, file: string, checksum: string, progress: (rows: number, bytes: number) => void): Promise<ReleaseSums> {
    const sums = new ReleaseSums(mapping.dimensions);
    let bytes = 0;
    const csv = readCsv(file, (read) => (bytes = read));
    await eachRow(mapping, csv.rows, (header) => (sums.header = header), (row) => {
      sums.add(row);
      if (sums.rows % ROWS_PER_TRANSACTION === 0) progress(sums.rows, bytes);
    });
    unchangedSince(checksum, csv.checksum());
    if (sums.rows === 0) throw new DatasetImportError('the file has a header and no row', { reason: 'EMPTY', field: 'csv', line: 2 });
    progress(sums.rows, bytes);
    return sums;
  }

  /** The second reading: the observations staged in batches, WRITERS transactions in flight; then the sums. */
  private async stage(releaseId: string, mapping: DatasetMapping, file: string, checksum: string, sums: ReleaseSums, progress: (rows: number, bytes: number) => void): Promise<void> {
    const inFlight: Promise<void>[] = [];
    // A failed batch is remembered, not left rejected: an unhandled rejection would end the process.
    let failure: unknown = null;
    const send = async (rows: StagedRows) => {
      const write = this.repository.stage('observations', releaseId, rows, IMPORT_TRANSACTION_TIMEOUT_MS).catch((error: unknown) => void (failure ??= error));
      inFlight.push(write);
      if (inFlight.length >= WRITERS) await inFlight.shift();
      if (failure) throw failure;
    };
    let batch: unknown[][] = [];
    let staged = 0;
    let bytes = 0;
    let lastHeartbeat = Date.now();
    const csv = readCsv(file, (read) => (bytes = read));
    try {
      await eachRow(mapping, csv.rows, () => {}, async (row) => {
        batch.push([row.measure, row.month, row.value, row.dimensionValues.map((value, index) => sums.codes[index]!.get(value)!)]);
        if (batch.length < ROWS_PER_TRANSACTION) return;
        await send(batch);
        staged += batch.length;
        batch = [];
        progress(staged, bytes);
        if (Date.now() - lastHeartbeat > HEARTBEAT_MS) {
          lastHeartbeat = Date.now();
          await this.repository.heartbeat(releaseId, this.clock().toISOString());
        }
      });
      if (batch.length > 0) await send(batch);
    } finally {
      // Nothing may still write when the caller discards what was staged.
      await Promise.all(inFlight);
    }
    if (failure) throw failure;
    unchangedSince(checksum, csv.checksum());
    progress(sums.rows, bytes);
    for (const [kind, rows] of [['totals', sums.totalRows()], ['subtotals', sums.subtotalRows()]] as const) {
      for (let start = 0; start < rows.length; start += ROWS_PER_TRANSACTION) {
        await this.repository.stage(kind, releaseId, rows.slice(start, start + ROWS_PER_TRANSACTION), IMPORT_TRANSACTION_TIMEOUT_MS);
      }
    }
  }
}

/** Reads the header and then every row through the mapping, in order; `onRow` may be async (it then paces the reading). */
async function eachRow(
  mapping: DatasetMapping,
  rows: AsyncIterable<CsvRow>,
  onHeader: (header: string[]) => void,
  onRow: (row: MappedRow) => void | Promise<void>,
): Promise<void> {
  let read: RowReader | null = null;
  for await (const { fields, line } of rows) {
    if (read === null) {
      const header = fields.map((name) => name.trim());
      onHeader(header);
      read = rowReader(mapping, header);
      continue;
    }
    await onRow(read(fields, line));
  }
  if (read === null) throw new DatasetImportError('the file is empty: no header', { reason: 'EMPTY', field: 'csv', line: 1 });
}

function unchangedSince(checksum: string, now: string): void {
  if (now !== checksum) throw new DatasetImportError('the file changed while it was imported: import it again once it is written', { reason: 'FILE_CHANGED', field: 'csv' });
}

function inProgress(releaseId: string): DatasetImportError {
  return new DatasetImportError(`${releaseId} is being imported by another process: wait for it, or run again in ${STALE_AFTER_MS / 60_000} minutes if it died`, {
    reason: 'IMPORT_IN_PROGRESS',
    field: 'csv',
  });
}
