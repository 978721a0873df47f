import type { EntityContext } from '../entity';
import type { SearchRepository } from './search.repository';
import type { TextSearchService } from './text-search.service';

/**
 * Quotations by id, as the quotation domain loads them for a request. The quotation domain
 * uses this one (its word filter escapes Lucene syntax here), so this one names no more of it
 * than this: the composition root hands in the quotation domain's loader.
 */
export interface QuotationLoader {
  load(id: string): Promise<object | null>;
}

export interface SearchContext extends EntityContext {
  search: SearchRepository;
  textSearch: TextSearchService;
  quotations: QuotationLoader;
}
