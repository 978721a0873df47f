import { readCypher, splitStatements } from '../neo4j/cypher-files';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import type { DatasetMetadata } from './dataset-mapping';
import { toDatasetRecord, toReleaseRecord, toStoredRelease, type DatasetRecord, type ReleaseRecord } from './dataset.record';
import type { MonthValue } from './series';

/** What is known of a release id and a file before importing it (release-state.cypher). */
export interface ReleaseState {
  /** The release that holds the same file: importing it again is a no-op. */
  sameFile: ReleaseRecord | null;
  /** The checksum of the release published under the id, if any. */
  sameIdChecksum: string | null;
  /** When an import of the id last said it was alive; null when none is under way. */
  stagingHeartbeatAt: string | null;
}

/** The months of a series and which of a release's pre-aggregates or observations answer it. */
export interface SeriesQuery {
  releaseId: string;
  measure: string;
  /** First days of the first and last month wanted. */
  from: string;
  to: string;
}

/** Rows to stage are lists, not maps: a million of them travel as parameters. */
export type StagedRows = readonly (readonly unknown[])[];

/** Rows deleted per statement when discarding: small enough for any heap. */
const DISCARD_BATCH = 20_000;

/** Datasets' Cypher (cypher/queries/dataset) and the mapping of its results. */
export class DatasetRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** Datasets by id, or all of them (ids null), by title. */
  async datasets(ids: readonly string[] | null): Promise<DatasetRecord[]> {
    const records = await this.executor.read(readCypher('queries/dataset/datasets.cypher'), { ids });
    return records.map((record) => toDatasetRecord(record.get('dataset') as Record<string, unknown>, record.get('releases') as Record<string, unknown>[]));
  }

  async releaseState(datasetId: string, releaseId: string, checksum: string): Promise<ReleaseState> {
    const [record] = await this.executor.read(readCypher('queries/dataset/release-state.cypher'), { datasetId, releaseId, checksum });
    const sameFile = record!.get('sameFile') as Record<string, unknown> | null;
    return {
      sameFile: sameFile && toReleaseRecord(sameFile),
      sameIdChecksum: record!.get('sameIdChecksum') as string | null,
      stagingHeartbeatAt: record!.get('stagingHeartbeatAt') as string | null,
    };
  }

  /**
   * Claims a release id for an import; false when a release was published under it meanwhile
   * (nothing is claimed then). A concurrent import of the id makes this throw a constraint violation.
   */
  async claimStaging(claim: { releaseId: string; datasetId: string; checksum: string; now: string }, timeoutMs: number): Promise<boolean> {
    return this.executor.writeTransaction(async (tx) => {
      const [record] = await tx.run(readCypher('queries/dataset/claim-staging.cypher'), claim);
      // Thrown to roll the claim back; caught just below.
      if (record!.get('published')) throw new ReleasePublishedMeanwhile();
      return true;
    }, timeoutMs).catch((error: unknown) => {
      if (error instanceof ReleasePublishedMeanwhile) return false;
      throw error;
    });
  }

  async heartbeat(releaseId: string, now: string): Promise<void> {
    await this.executor.write(readCypher('queries/dataset/heartbeat.cypher'), { releaseId, now });
  }

  async stage(kind: 'observations' | 'totals' | 'subtotals', releaseId: string, rows: StagedRows, timeoutMs: number): Promise<void> {
    await this.executor.writeTransaction((tx) => tx.run(readCypher(`queries/dataset/stage-${kind}.cypher`), { releaseId, rows }), timeoutMs);
  }

  /** Publishes a staged release and its dataset's metadata, in one transaction. */
  async publish(dataset: DatasetMetadata, release: ReleaseRecord, timeoutMs: number): Promise<void> {
    await this.executor.writeTransaction((tx) => tx.run(readCypher('queries/dataset/publish-release.cypher'), { dataset, release: toStoredRelease(release) }), timeoutMs);
  }

  /** Deletes what an import of the release id staged, a batch per transaction; never a published release's rows. */
  async discardStaged(releaseId: string): Promise<void> {
    for (const statement of splitStatements(readCypher('queries/dataset/discard-staged.cypher'))) {
      for (;;) {
        const [record] = await this.executor.write(statement, { releaseId, batch: DISCARD_BATCH });
        if ((record?.get('deleted') as number | undefined) !== DISCARD_BATCH) break;
      }
    }
  }

  /** The series over every dimension. */
  async monthTotals(query: SeriesQuery): Promise<MonthValue[]> {
    return this.months(readCypher('queries/dataset/month-totals.cypher'), { ...query });
  }

  /** The series of some values of one dimension, from its subtotals. */
  async monthSubtotals(query: SeriesQuery, dimension: string, values: readonly string[]): Promise<MonthValue[]> {
    return this.months(readCypher('queries/dataset/month-subtotals.cypher'), { ...query, dimension, values });
  }

  /** The series of the observations whose codes match every filter. */
  async monthSums(query: SeriesQuery, filters: readonly { index: number; codes: number[] }[]): Promise<MonthValue[]> {
    return this.months(readCypher('queries/dataset/month-sums.cypher'), { ...query, filters });
  }

  private async months(cypher: string, params: Record<string, unknown>): Promise<MonthValue[]> {
    const records = await this.executor.read(cypher, params);
    return records.map((record) => ({ month: record.get('month') as string, value: record.get('value') as number }));
  }
}

class ReleasePublishedMeanwhile extends Error {}
