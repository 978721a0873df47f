import type { DatasetContext, DatasetScope } from '../dataset';
import type { StatisticContext, StatisticScope } from '../statistic';
import { ReconciliationService } from './reconciliation.service';

/** Reconciliation for one request: the statistics' links and the datasets it reads are the request's own loaders. */
export class ReconciliationScope {
  readonly service: ReconciliationService;

  constructor(statistics: StatisticScope, datasets: DatasetScope) {
    this.service = new ReconciliationService(statistics, datasets);
  }
}

export interface ReconciliationContext extends StatisticContext, DatasetContext {
  reconciliation: ReconciliationScope;
}
