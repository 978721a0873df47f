import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { EntityRecord } from '../entity';
import { PageArgs, toConnection } from '../graphql/connection';
import { pageCost } from '../graphql/limits/cost';
import { EntityKind } from '../ontology';
import { toPageRequest } from '../paging';
import type { ArticleContext } from './article.context';
import { Article, ArticleConnection } from './article.type';

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => ArticleConnection, { description: 'The articles of the corpus, in id order.', complexity: pageCost })
  async articles(@Args() pageArgs: PageArgs, @Ctx() { entities }: ArticleContext) {
    const request = toPageRequest(pageArgs);
    const page = await entities.repository.page(EntityKind.ARTICLE, request);
    entities.remember(page.items.map((item) => item.node));
    return toConnection(page, request);
  }

  @FieldResolver(() => String, { description: 'The full text.' })
  async text(@Root() article: EntityRecord, @Ctx() { articles }: ArticleContext): Promise<string> {
    return article.text ?? (await articles.texts.load(article.id)) ?? '';
  }
}
