import path from 'node:path';
import { readCypher } from '../neo4j/cypher-files';
import type { Neo4jExecutor, Neo4jRecord, StreamingReadTransaction } from '../neo4j/neo4j-executor';
import { BackupError, BackupErrorCode } from './backup-error';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, writeBackupFile, type BackupHeader, type BackupRecord, type BackupTrailer } from './backup-file';
import { encodeProperties } from './property-values';

/**
 * `npm run backup`: the whole graph, whatever its labels, into a backup file (backup-file.ts),
 * read in one transaction and streamed to the file as it is read, so that memory does not grow
 * with the graph.
 *
 * One transaction is as consistent as Neo4j makes a read: it sees what was committed, not a
 * snapshot, so a write committed while it runs may show in part. With the local Neo4j nothing
 * else writes (the command owns its data folder while it runs); against NEO4J_URI the counts are
 * read again at the end and a backup during which nodes or relationships were created or deleted
 * is refused (GRAPH_CHANGED). Edits of properties alone are not seen: pause writers.
 */

/** One transaction reads the whole graph: long enough for the benchmark's large corpus, bounded all the same. */
const BACKUP_TRANSACTION_LIMIT_MS = 60 * 60 * 1000;

/** Records between two progress reports. */
const PROGRESS_INTERVAL = 100_000;

export interface BackupProgress {
  phase: 'nodes' | 'relationships';
  done: number;
  total: number;
}

export interface BackupOutcome {
  file: string;
  bytes: number;
  header: BackupHeader;
  trailer: BackupTrailer;
  seconds: number;
}

interface GraphState {
  version: string;
  edition: string;
  database: string;
  nodes: number;
  relationships: number;
  unfinishedRestore: number;
  migrations: string[];
}

export async function backupGraph(executor: Neo4jExecutor, file: string, onProgress: (progress: BackupProgress) => void = () => undefined): Promise<BackupOutcome> {
  const started = performance.now();
  return executor.readStreaming(async (tx) => {
    const state = await graphState(tx);
    if (state.unfinishedRestore > 0) {
      throw new BackupError(
        BackupErrorCode.UNFINISHED_RESTORE,
        `the database holds ${state.unfinishedRestore} nodes of a restore that did not finish (labelled :BorderKgRestoring), which a restore of this backup ` +
          'would take for its own: empty the database and run that restore again (docs/operations.md#backup-and-restore)',
      );
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      neo4j: { version: state.version, edition: state.edition, database: state.database },
      counts: { nodes: state.nodes, relationships: state.relationships },
      migrations: state.migrations,
    };
    const { trailer, bytes } = await writeBackupFile(file, header, graphRecords(tx, header, onProgress));
    return { file: path.resolve(file), bytes, header, trailer, seconds: (performance.now() - started) / 1000 };
  }, BACKUP_TRANSACTION_LIMIT_MS);
}

async function graphState(tx: StreamingReadTransaction): Promise<GraphState> {
  for await (const record of tx.stream(readCypher('queries/backup/graph-state.cypher'))) return record.toObject() as GraphState;
  throw new Error('Neo4j did not describe itself (dbms.components)');
}

async function* graphRecords(tx: StreamingReadTransaction, header: BackupHeader, onProgress: (progress: BackupProgress) => void): AsyncGenerator<BackupRecord> {
  const nodes = yield* reported(tx.stream(readCypher('queries/backup/nodes.cypher')), { phase: 'nodes', total: header.counts.nodes }, onProgress, (record) => ({
    kind: 'node',
    id: record.get('id') as string,
    labels: record.get('labels') as string[],
    properties: encodeProperties(record.get('properties')),
  }));
  const relationships = yield* reported(
    tx.stream(readCypher('queries/backup/relationships.cypher')),
    { phase: 'relationships', total: header.counts.relationships },
    onProgress,
    (record) => ({
      kind: 'relationship',
      type: record.get('type') as string,
      start: record.get('start') as string,
      end: record.get('end') as string,
      properties: encodeProperties(record.get('properties')),
    }),
  );
  const after = await graphState(tx);
  const { counts } = header;
  if (nodes !== counts.nodes || relationships !== counts.relationships || after.nodes !== counts.nodes || after.relationships !== counts.relationships) {
    throw new BackupError(
      BackupErrorCode.GRAPH_CHANGED,
      `the graph changed while it was read (${counts.nodes} nodes and ${counts.relationships} relationships at the start, ` +
        `${nodes} and ${relationships} read, ${after.nodes} and ${after.relationships} at the end): something wrote to it; ` +
        'run the backup again while nothing writes',
    );
  }
}

/** Yields each record of a stream as `toRecord` makes it, reports progress, and returns how many there were. */
async function* reported(
  stream: AsyncIterable<Neo4jRecord>,
  { phase, total }: Omit<BackupProgress, 'done'>,
  onProgress: (progress: BackupProgress) => void,
  toRecord: (record: Neo4jRecord) => BackupRecord,
): AsyncGenerator<BackupRecord, number> {
  let done = 0;
  for await (const record of stream) {
    yield toRecord(record);
    done += 1;
    if (done % PROGRESS_INTERVAL === 0) onProgress({ phase, done, total });
  }
  if (done % PROGRESS_INTERVAL !== 0 || done === 0) onProgress({ phase, done, total });
  return done;
}
