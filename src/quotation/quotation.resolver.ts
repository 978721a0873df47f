import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Article } from '../article';
import { Entity, type EntityRecord } from '../entity';
import { PageArgs, toConnection, type Connection } from '../graphql/connection';
import { pageCost } from '../graphql/limits/cost';
import { toPageRequest } from '../paging';
import { QuotationsArgs } from './quotation.args';
import type { QuotationContext } from './quotation.context';
import type { QuotationRecord } from './quotation.record';
import { Quotation, QuotationConnection } from './quotation.type';

@Resolver(() => Quotation)
export class QuotationResolver {
  @Query(() => QuotationConnection, {
    description: 'Quotations, newest article first, then in the order of the article; filter by speaker, article or words.',
    complexity: pageCost,
  })
  async quotations(
    @Args() { speakerId, articleId, words, ...pageArgs }: QuotationsArgs,
    @Ctx() { quotations }: QuotationContext,
  ): Promise<Connection<QuotationRecord>> {
    const request = toPageRequest(pageArgs);
    const page = await quotations.repository.page({ speakerId: speakerId ?? null, articleId: articleId ?? null, words: words ?? null }, request);
    quotations.remember(page.items.map((item) => item.node));
    return toConnection(page, request);
  }

  @FieldResolver(() => Entity, { nullable: true })
  speaker(@Root() quotation: QuotationRecord, @Ctx() { entities }: QuotationContext) {
    return quotation.speakerId ? entities.load(quotation.speakerId) : null;
  }

  @FieldResolver(() => Article)
  article(@Root() quotation: QuotationRecord, @Ctx() { entities }: QuotationContext) {
    return entities.load(quotation.articleId);
  }
}

/** What an entity said: this domain's field on Entity. */
@Resolver(() => Entity)
export class EntityQuotationsResolver {
  @FieldResolver(() => QuotationConnection, {
    description: 'Words this entity said or is reported to have said, in any article.',
    complexity: pageCost,
  })
  async quotations(@Root() entity: EntityRecord, @Args() pageArgs: PageArgs, @Ctx() { quotations }: QuotationContext): Promise<Connection<QuotationRecord>> {
    const request = toPageRequest(pageArgs);
    const page = await quotations.ofSpeakers.load({ id: entity.id, args: request });
    quotations.remember(page.items.map((item) => item.node));
    return toConnection(page, request);
  }
}
