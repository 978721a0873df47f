/** The search domain's door: full-text search over entities. */
import { SearchResolver } from './search.resolver';

export type { SearchContext } from './search.context';
export { escapeLucene } from './lucene';
export { SearchRepository } from './search.repository';

export const searchResolvers = [SearchResolver] as const;
