import { BadUserInputError } from '../errors';
import { readCypher } from '../neo4j/cypher-files';
import type { CypherTransaction, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { pageFromRows, type Page, type PageRequest } from '../paging';
import type { ChangedProperties } from './changed-properties';
import { toChangeRecord, type ChangeRecord } from './change.record';

/** A Change as record.cypher writes it. */
export interface ChangeNode extends ChangedProperties {
  id: string;
  seq: number;
  by: string;
  operation: string;
  what: string;
  entityIds: string[];
}

interface ChangeRow {
  sortKey: string;
  change: Record<string, unknown>;
}

const toItem = (row: ChangeRow) => ({ sortKey: row.sortKey, node: toChangeRecord(row.change) });

/** The milliseconds a sort key starts with (of-entities.cypher): the time of the last change a page showed. */
function millisOf(sortKey: string): number {
  const millis = /^(\d{15})\|/.exec(sortKey)?.[1];
  // The sort key of another connection's cursor: refused as a cursor that does not decode is.
  if (millis === undefined) throw new BadUserInputError('Invalid cursor: pass an endCursor of this connection', { argumentName: 'after' });
  return Number(millis);
}

/** The history's Cypher and the mapping of its results; what is recorded is the writing services' to say. */
export class HistoryRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** Writes one Change in the caller's transaction. */
  async record(tx: CypherTransaction, change: ChangeNode): Promise<void> {
    await tx.run(readCypher('queries/history/record.cypher'), { ...change });
  }

  /** Pages of the histories of many entities, keyed by entity id. */
  async ofEntities(entityIds: readonly string[], request: PageRequest): Promise<Map<string, Page<ChangeRecord>>> {
    const records = await this.executor.read(readCypher('queries/history/of-entities.cypher'), {
      entityIds,
      afterKey: request.afterKey,
      limitPlusOne: request.limit + 1,
    });
    return new Map(
      records.map((record) => [
        record.get('entityId') as string,
        pageFromRows((record.get('rows') as ChangeRow[]).map(toItem), request, record.get('totalCount') as number),
      ]),
    );
  }

  /** Every change since a time (ISO 8601; null for all), newest first. */
  async page(since: string | null, request: PageRequest): Promise<Page<ChangeRecord>> {
    const [record] = await this.executor.read(readCypher('queries/history/page.cypher'), {
      since,
      afterKey: request.afterKey,
      afterMillis: request.afterKey === null ? null : millisOf(request.afterKey),
      limitPlusOne: request.limit + 1,
    });
    const rows = (record?.get('rows') ?? []) as ChangeRow[];
    return pageFromRows(rows.map(toItem), request, (record?.get('totalCount') as number | undefined) ?? 0);
  }
}
