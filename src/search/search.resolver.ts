import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { pageCost } from '../graphql/limits';
import { toPageRequest } from '../graphql/pagination';
import { SearchArgs, SearchHit } from './search.type';

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description: 'Full-text search over names, aliases and descriptions, best first.',
    complexity: pageCost,
  })
  async search(@Args() { query, kinds, first }: SearchArgs, @Ctx() { repositories, loaders }: GraphQLContext) {
    const { limit } = toPageRequest({ first }, 10);
    const hits = await repositories.search.search(query, kinds ?? null, limit);
    for (const hit of hits) loaders.entityById.prime(hit.entity.id, hit.entity);
    return hits;
  }
}
