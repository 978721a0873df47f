import DataLoader from 'dataloader';
import type { EntityContext } from '../entity';
import { keyedPageLoader } from '../graphql/keyed-page-loader';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import type { PageRequest } from '../paging';
import { ArticleRepository } from './article.repository';
import type { MentionRecord } from './mention.type';

/** Articles for one request: their texts and the mentions of entities, batched per request. */
export class ArticleScope {
  readonly repository: ArticleRepository;

  readonly texts = new DataLoader<string, string | null>(async (ids) => {
    const found = await this.repository.textsOf(ids);
    return ids.map((id) => found.get(id) ?? null);
  });

  readonly mentionsOf = keyedPageLoader<PageRequest, MentionRecord>((ids, page) => this.repository.mentionsOf(ids, page));

  constructor(executor: Neo4jExecutor) {
    this.repository = new ArticleRepository(executor);
  }
}

export interface ArticleContext extends EntityContext {
  articles: ArticleScope;
}
