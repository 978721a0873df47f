import DataLoader from 'dataloader';
import type { EntityContext } from '../entity';
import { keyedPageLoader } from '../graphql/keyed-page-loader';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import type { PageRequest } from '../paging';
import type { QuotationRecord } from './quotation.record';
import { QuotationRepository } from './quotation.repository';

/** Quotations for one request: by id, and the pages of speakers' quotations, batched per request. */
export class QuotationScope {
  readonly repository: QuotationRepository;

  private readonly byId = new DataLoader<string, QuotationRecord | null>(async (ids) => {
    const found = await this.repository.findByIds(ids);
    return ids.map((id) => found.get(id) ?? null);
  });

  /** `Entity.quotations` of the entities asked for in one tick: one query per distinct page. */
  readonly ofSpeakers = keyedPageLoader<PageRequest, QuotationRecord>((ids, page) => this.repository.ofSpeakers(ids, page));

  constructor(executor: Neo4jExecutor) {
    this.repository = new QuotationRepository(executor);
  }

  load(id: string): Promise<QuotationRecord | null> {
    return this.byId.load(id);
  }

  /** Quotations another query already returned: later loads of them in this request cost nothing. */
  remember(quotations: Iterable<QuotationRecord>): void {
    for (const quotation of quotations) this.byId.prime(quotation.id, quotation);
  }
}

export interface QuotationContext extends EntityContext {
  quotations: QuotationScope;
}
