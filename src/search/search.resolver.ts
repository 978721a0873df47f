import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { entityProjection } from '../entity';
import { pageCost } from '../graphql/limits/cost';
import type { SearchContext } from './search.context';
import { DEFAULT_SEARCH_HITS, SearchArgs, SearchHit } from './search.type';

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description: 'Full-text search over names, aliases and descriptions, best first.',
    complexity: pageCost,
  })
  async search(@Args() { query, kinds, first, mode }: SearchArgs, @Ctx() { search, entities }: SearchContext, @Info() info: GraphQLResolveInfo) {
    const hits = await search.search(query, kinds ?? null, first ?? DEFAULT_SEARCH_HITS, mode ?? 'WORDS', entityProjection(info));
    entities.remember(hits.map((hit) => hit.entity));
    return hits;
  }
}
