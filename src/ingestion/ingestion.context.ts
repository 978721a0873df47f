import type { ArticleContext } from '../article';
import type { ChangeRecorder } from '../history';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import type { QuotationContext } from '../quotation';
import type { StatisticContext } from '../statistic';
import { IngestionRepository } from './ingestion.repository';
import { IngestionService, type FactWriters } from './ingestion.service';

/** Ingestion for one request: the repository of proposals and the service that ingests and reviews. */
export class IngestionScope {
  readonly repository: IngestionRepository;
  readonly service: IngestionService;

  constructor(executor: Neo4jExecutor, writers: FactWriters, recorder: ChangeRecorder) {
    this.repository = new IngestionRepository(executor);
    this.service = new IngestionService(executor, this.repository, writers, recorder);
  }
}

export interface IngestionContext extends StatisticContext, QuotationContext, ArticleContext {
  ingestion: IngestionScope;
}
