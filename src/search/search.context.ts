import type { EntityContext } from '../entity';
import type { SearchRepository } from './search.repository';

export interface SearchContext extends EntityContext {
  search: SearchRepository;
}
