import DataLoader from 'dataloader';
import type { EntityContext } from '../entity';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import type { DatasetRecord } from './dataset.record';
import { DatasetRepository } from './dataset.repository';
import { DatasetService } from './dataset.service';

/** Datasets for one request: by id (batched, with their releases), the service of series and official figures. */
export class DatasetScope {
  readonly repository: DatasetRepository;
  readonly service: DatasetService;

  private readonly byId = new DataLoader<string, DatasetRecord | null>(async (ids) => {
    const found = new Map((await this.repository.datasets(ids)).map((dataset) => [dataset.id, dataset]));
    return ids.map((id) => found.get(id) ?? null);
  });

  constructor(executor: Neo4jExecutor) {
    this.repository = new DatasetRepository(executor);
    this.service = new DatasetService(this.repository, (id) => this.load(id));
  }

  load(id: string): Promise<DatasetRecord | null> {
    return this.byId.load(id);
  }

  /** Every dataset, by title; later loads of them in this request cost nothing. */
  async all(): Promise<DatasetRecord[]> {
    const datasets = await this.repository.datasets(null);
    for (const dataset of datasets) this.byId.prime(dataset.id, dataset);
    return datasets;
  }
}

export interface DatasetContext extends EntityContext {
  datasets: DatasetScope;
}
