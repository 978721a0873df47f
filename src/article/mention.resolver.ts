import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Entity, type EntityRecord } from '../entity';
import { PageArgs, toConnection, type Connection } from '../graphql/connection';
import { pageCost } from '../graphql/limits/cost';
import { toPageRequest } from '../paging';
import type { ArticleContext } from './article.context';
import { Article } from './article.type';
import { Mention, MentionConnection, type MentionRecord } from './mention.type';

@Resolver(() => Mention)
export class MentionResolver {
  @FieldResolver(() => Article)
  article(@Root() mention: MentionRecord, @Ctx() { entities }: ArticleContext) {
    return entities.load(mention.articleId);
  }

  @FieldResolver(() => Entity)
  entity(@Root() mention: MentionRecord, @Ctx() { entities }: ArticleContext) {
    return entities.load(mention.entityId);
  }
}

/** An entity's mentions are sentences of articles: this domain's field on Entity. */
@Resolver(() => Entity)
export class EntityMentionsResolver {
  @FieldResolver(() => MentionConnection, { description: 'Sentences of articles that mention this entity.', complexity: pageCost })
  async mentions(@Root() entity: EntityRecord, @Args() pageArgs: PageArgs, @Ctx() { articles }: ArticleContext): Promise<Connection<MentionRecord>> {
    const page = toPageRequest(pageArgs);
    return toConnection(await articles.mentionsOf.load({ id: entity.id, args: page }), page);
  }
}
