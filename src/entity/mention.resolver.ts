import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Article } from '../article/article.type';
import type { GraphQLContext } from '../graphql/context';
import { Mention, type MentionRecord } from './mention.type';

@Resolver(() => Mention)
export class MentionResolver {
  @FieldResolver(() => Article)
  article(@Root() mention: MentionRecord, @Ctx() { loaders }: GraphQLContext) {
    return loaders.entityById.load(mention.articleId);
  }
}
