import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { EntityKind } from '../entity/entity-kind';
import type { EntityRecord } from '../entity/entity.record';
import { Organization } from '../entity/entity.type';
import type { GraphQLContext } from '../graphql/context';
import { pageCost } from '../graphql/limits';
import { PageArgs, toConnection, toPageRequest } from '../graphql/pagination';
import { RelationDirection } from '../relation/relation.type';
import { Article, ArticleConnection } from './article.type';

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => ArticleConnection, { description: 'The articles of the corpus, in id order.', complexity: pageCost })
  async articles(@Args() pageArgs: PageArgs, @Ctx() { repositories, loaders }: GraphQLContext) {
    const request = toPageRequest(pageArgs);
    const page = await repositories.entities.page(EntityKind.ARTICLE, request);
    for (const item of page.items) loaders.entityById.prime(item.node.id, item.node);
    return toConnection(page, request);
  }

  @FieldResolver(() => String, { description: 'The full text.' })
  async text(@Root() article: EntityRecord, @Ctx() { loaders }: GraphQLContext): Promise<string> {
    return article.text ?? (await loaders.articleText.load(article.id)) ?? '';
  }

  /** The publisher is the article's PUBLISHED_BY relation, batched with every other relation lookup. */
  @FieldResolver(() => Organization, { nullable: true, description: 'Who published the article.' })
  async publisher(@Root() article: EntityRecord, @Ctx() { loaders }: GraphQLContext) {
    const query = { types: ['PUBLISHED_BY'], direction: RelationDirection.OUTGOING, otherKinds: null };
    const page = await loaders.relationsOf.load({ id: article.id, args: { query, page: { limit: 1, afterKey: null } } });
    return page.items[0]?.node.other ?? null;
  }
}
