/** The search domain's door: full-text search over entities, the articles' sentences and the quotations. */
import { SearchResolver } from './search.resolver';
import { TextSearchResolver } from './text-search.resolver';

export type { QuotationLoader, SearchContext } from './search.context';
export { escapeLucene } from './lucene';
export { SearchRepository } from './search.repository';
export { quotationFieldsOfHits } from './text-search.resolver';
export { TextSearchService } from './text-search.service';

export const searchResolvers = [SearchResolver, TextSearchResolver] as const;
