import { Args, Ctx, FieldResolver, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { pageCost } from '../graphql/limits/cost';
import type { SearchContext } from './search.context';
import { DEFAULT_SEARCH_HITS } from './search.type';
import type { QuotationHitRecord, SentenceHitRecord } from './text-search.service';
import { QuotationHit, QuotationSearchArgs, SentenceHit, SentencesArgs } from './text-search.type';

@Resolver()
export class TextSearchResolver {
  @Query(() => [SentenceHit], {
    description: 'Sentences of the articles that contain the words, best first.',
    complexity: pageCost,
  })
  async sentences(@Args() { query, mode, articleId, first }: SentencesArgs, @Ctx() { textSearch, entities }: SearchContext): Promise<SentenceHitRecord[]> {
    const hits = await textSearch.sentences(query, mode ?? 'WORDS', articleId ?? null, first ?? DEFAULT_SEARCH_HITS);
    entities.remember(hits.map((hit) => hit.article));
    return hits;
  }

  @Query(() => [QuotationHit], {
    description: 'Quotations whose words match, best first.',
    complexity: pageCost,
  })
  async quotationSearch(@Args() { query, mode, first }: QuotationSearchArgs, @Ctx() { textSearch }: SearchContext): Promise<QuotationHitRecord[]> {
    return textSearch.quotations(query, mode ?? 'WORDS', first ?? DEFAULT_SEARCH_HITS);
  }
}

/**
 * The hits' quotation fields, typed with the quotation domain's GraphQL type, which the
 * composition root passes in: that domain depends on this one, so this one cannot import it.
 * The quotations are loaded through the request's quotation loader, all hits' in one batch.
 */
export function quotationFieldsOfHits(quotationType: ClassType) {
  @Resolver(() => SentenceHit)
  class SentenceHitQuotationsResolver {
    @FieldResolver(() => [quotationType], { description: 'Quotations whose anchor overlaps this sentence.' })
    async quotations(@Root() hit: SentenceHitRecord, @Ctx() { quotations }: SearchContext): Promise<object[]> {
      const loaded = await Promise.all(hit.quotationIds.map((id) => quotations.load(id)));
      return loaded.filter((quotation) => quotation !== null);
    }
  }

  @Resolver(() => QuotationHit)
  class QuotationHitQuotationResolver {
    @FieldResolver(() => quotationType, { description: 'The quotation that matches.' })
    quotation(@Root() hit: QuotationHitRecord, @Ctx() { quotations }: SearchContext): Promise<object | null> {
      return quotations.load(hit.quotationId);
    }
  }

  return [SentenceHitQuotationsResolver, QuotationHitQuotationResolver] as const;
}
