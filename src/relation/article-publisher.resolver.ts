import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Article } from '../article';
import { Organization, type EntityRecord } from '../entity';
import type { RelationContext } from './relation.context';
import { RelationDirection } from './relation.type';

const PUBLISHER = { types: ['PUBLISHED_BY'], direction: RelationDirection.OUTGOING, otherKinds: null };

/** The publisher is the article's PUBLISHED_BY relation, batched with every other relation lookup. */
@Resolver(() => Article)
export class ArticlePublisherResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'Who published the article.' })
  async publisher(@Root() article: EntityRecord, @Ctx() { relations }: RelationContext, @Info() info: GraphQLResolveInfo) {
    const page = await relations.withOtherEnds(article.id, { query: PUBLISHER, page: { limit: 1, afterKey: null } }, info);
    return page.items[0]?.node.other ?? null;
  }
}
