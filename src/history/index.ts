/**
 * The history domain's door (issue 16): every committed write of the API records what it changed,
 * who wrote it and when, in its own transaction, as (:Change) nodes; an entity's history and the
 * editors' log of changes read them. It knows no other domain: the writing services tell it what changed.
 */
import { HistoryResolver } from './history.resolver';

export { changedProperties, type StoredProperties } from './changed-properties';
export type { ChangeRecord } from './change.record';
export { ChangeConnection } from './change.type';
export { HistoryScope, type HistoryContext } from './history.context';
export { WRITE_OPERATIONS, type ChangeRecorder, type RecordingTransaction } from './recording-transaction';

export const historyResolvers = [HistoryResolver] as const;
