import { randomUUID } from 'node:crypto';
import { UnauthenticatedError } from '../errors';
import type { RequestContext } from '../graphql/context';
import { keyedPageLoader } from '../graphql/keyed-page-loader';
import type { CypherTransaction, Neo4jExecutor } from '../neo4j/neo4j-executor';
import type { PageRequest } from '../paging';
import { changedProperties } from './changed-properties';
import type { ChangeRecord } from './change.record';
import { HistoryRepository } from './history.repository';
import type { ChangeRecorder, RecordingTransaction, WriteOperation } from './recording-transaction';

/**
 * The history for one request, or one command line: who writes (`author`: the key's fingerprint,
 * or the command line's name), the recording of its writes, and the batched histories of entities.
 */
export class HistoryScope implements ChangeRecorder {
  readonly repository: HistoryRepository;

  /** `Entity.history` of the entities asked for in one tick: one query per distinct page. */
  readonly ofEntities = keyedPageLoader<PageRequest, ChangeRecord>((ids, page) => this.repository.ofEntities(ids, page));

  constructor(
    executor: Neo4jExecutor,
    private readonly author: string | undefined,
  ) {
    this.repository = new HistoryRepository(executor);
  }

  /**
   * The transaction, recording each change it is told of under this author and operation. Made
   * inside the transaction's work, so that a retried transaction numbers its changes afresh.
   */
  recording(tx: CypherTransaction, operation: WriteOperation): RecordingTransaction {
    const by = this.author;
    // Writes need an editor key, which names its author; a write without one must not go unrecorded.
    if (by === undefined) throw new UnauthenticatedError();
    let seq = 0;
    return {
      run: (query, params) => tx.run(query, params),
      record: async ({ what, entityIds, before, after }) => {
        const changed = changedProperties(before, after);
        if (changed === null) return;
        seq += 1;
        await this.repository.record(tx, { id: `change:${randomUUID()}`, seq, by, operation, what, entityIds: [...new Set(entityIds)], ...changed });
      },
    };
  }
}

export interface HistoryContext extends RequestContext {
  history: HistoryScope;
}
