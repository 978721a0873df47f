import type { CypherTransaction } from '../neo4j/neo4j-executor';
import type { StoredProperties } from './changed-properties';

/**
 * The API's writes, as a Change names them: every field of the schema's Mutation type (the
 * schema test holds the two lists together), and so what each write's transaction records.
 */
export const WRITE_OPERATIONS = ['ingestArticle', 'linkEntities', 'recordStatistic', 'reviewProposals', 'unlinkEntities', 'upsertEntity'] as const;

export type WriteOperation = (typeof WRITE_OPERATIONS)[number];

/** One thing a write changed, as the service that wrote it saw it. */
export interface ChangeWrite {
  /** The id of what changed: an entity (a statistic, an article), a relation, a quotation. */
  what: string;
  /** The entities it touched: linked to the Change while they exist, and kept as ids should they be deleted. */
  entityIds: readonly string[];
  /** Its properties before the write (null: it did not exist) and after it (null: it was deleted). */
  before: StoredProperties | null;
  after: StoredProperties | null;
}

/**
 * A write transaction that accounts for what it changes (docs/api.md#history): the services'
 * writes take one, so that no write of the API can leave its Change out.
 */
export interface RecordingTransaction extends CypherTransaction {
  /**
   * Records a change in this transaction, so that it commits with the write or not at all;
   * nothing when no property differs (a write repeated changes nothing, and records nothing).
   */
  record(change: ChangeWrite): Promise<void>;
}

/** What the writing services need of the history: a recording view of their transaction, for one operation. */
export interface ChangeRecorder {
  recording(tx: CypherTransaction, operation: WriteOperation): RecordingTransaction;
}
