import DataLoader from 'dataloader';
import { ArticleRepository } from '../article/article.repository';
import type { EntityRecord } from '../entity/entity.record';
import { EntityRepository } from '../entity/entity.repository';
import type { MentionRecord } from '../entity/mention.type';
import { GraphRepository } from '../graph/graph.repository';
import type { Logger } from '../logger';
import type { Neo4jExecutor, QueryStats } from '../neo4j/neo4j-executor';
import { RelationRepository, type RelationWithOtherEnd } from '../relation/relation.repository';
import type { RelationPageArgs } from '../relation/relation-page';
import { SearchRepository } from '../search/search.repository';
import { StatisticRepository, type StatisticLinkIds } from '../statistic/statistic.repository';
import type { Viewer } from '../auth/viewer';
import { keyedPageLoader } from './keyed-page-loader';
import type { PageRequest } from './pagination';

function createRepositories(executor: Neo4jExecutor) {
  return {
    entities: new EntityRepository(executor),
    articles: new ArticleRepository(executor),
    relations: new RelationRepository(executor),
    statistics: new StatisticRepository(executor),
    search: new SearchRepository(executor),
    graph: new GraphRepository(executor),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

function byIds<T>(load: (ids: readonly string[]) => Promise<Map<string, T>>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = await load(ids);
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Per-request loaders: they batch the lookups of one request and never share data across requests. */
function createLoaders(repositories: Repositories) {
  const entityById = byIds<EntityRecord>((ids) => repositories.entities.findByIds(ids));
  return {
    entityById,
    articleText: byIds<string>((ids) => repositories.articles.textsOf(ids)),
    statisticLinks: byIds<StatisticLinkIds>((ids) => repositories.statistics.linksOf(ids)),
    relationsOf: keyedPageLoader<RelationPageArgs, RelationWithOtherEnd>(async (ids, args) => {
      const { pages, entities } = await repositories.relations.ofEntities(ids, args.query, args.page);
      // The query answers for the entities too, found or not: `entity(id)` with its relations
      // is then one round trip (see relationsAskedFor in entity.resolver.ts).
      for (const id of ids) entityById.prime(id, entities.get(id) ?? null);
      return pages;
    }),
    mentionsOf: keyedPageLoader<PageRequest, MentionRecord>((ids, page) => repositories.entities.mentionsOf(ids, page)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface GraphQLContext {
  requestId: string;
  log: Logger;
  viewer: Viewer;
  stats: QueryStats;
  repositories: Repositories;
  loaders: Loaders;
}

export function createContext(options: {
  requestId: string;
  log: Logger;
  viewer: Viewer;
  stats: QueryStats;
  executor: Neo4jExecutor;
}): GraphQLContext {
  const { executor, ...request } = options;
  const repositories = createRepositories(executor);
  return { ...request, repositories, loaders: createLoaders(repositories) };
}
