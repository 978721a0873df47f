import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Article } from '../article';
import { entityProjection, Organization, Place, type EntityRecord } from '../entity';
import { PageArgs, toConnection } from '../graphql/connection';
import { pageCost } from '../graphql/limits/cost';
import { selects } from '../graphql/selection';
import { toIsoDate } from '../graphql/scalars';
import { ValueQualifier } from '../ontology';
import { MAX_PAGE_SIZE, mapPage, toPageRequest } from '../paging';
import { Evidence, RelationDirection, type EvidenceRecord } from '../relation';
import type { StatisticContext } from './statistic.context';
import { StatisticInput } from './statistic.input';
import { linkedEntitiesSelected } from './statistic-projection';
import { ReportedSeries } from './reported-series.type';
import { Statistic, StatisticConnection, StatisticFilter } from './statistic.type';

/** The articles that state a number are the starts of its STATES relations, each with its words. */
const STATED_BY = { types: ['STATES'], direction: RelationDirection.INCOMING, otherKinds: null };

@Resolver(() => Statistic)
export class StatisticResolver {
  @Query(() => StatisticConnection, {
    description: 'Statistics matching the filter, oldest period first (undated last).',
    complexity: pageCost,
  })
  async statistics(
    @Arg('filter', () => StatisticFilter, { nullable: true, description: 'Conditions that must all hold; none returns every statistic.' }) filter: StatisticFilter | null,
    @Args() pageArgs: PageArgs,
    @Ctx() { statistics }: StatisticContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const request = toPageRequest(pageArgs);
    const entityProperties = entityProjection(info);
    const page = await statistics.repository.page(
      {
        measure: filter?.measure ?? null,
        placeId: filter?.placeId ?? null,
        reportedById: filter?.reportedById ?? null,
        sourceId: filter?.sourceId ?? null,
        from: filter?.from ? toIsoDate(filter.from) : null,
        to: filter?.to ? toIsoDate(filter.to) : null,
      },
      request,
      {
        entityProperties,
        linked: linkedEntitiesSelected(info, entityProperties),
        withTotalCount: selects(info, 'StatisticConnection', 'totalCount'),
      },
    );
    statistics.remember(page.items.map((item) => item.node));
    return toConnection(mapPage(page, (node) => node.statistic), request);
  }

  @Query(() => ReportedSeries, {
    description: "The articles' numbers of one measure (and place) as points over time, oldest first: the claims to draw over the official line of Query.series.",
  })
  async reportedSeries(
    @Arg('measure', { description: "A measure of the ontology, e.g. 'illegal crossings' (exact, case-insensitive)." }) measure: string,
    @Arg('placeId', () => ID, { nullable: true, description: 'Only numbers about this place (as origin, destination or place).' }) placeId: string | null,
    @Ctx() { statistics, entities }: StatisticContext,
  ) {
    const matching = await statistics.allMatching({ measure, placeId: placeId ?? null });
    // The filter matches a substring of the measure; a series is of one measure.
    const points = matching
      .map(({ statistic }) => statistic)
      .filter((statistic) => statistic.period && statistic.measure!.toLowerCase() === measure.trim().toLowerCase())
      .map((statistic) => ({ period: statistic.period!, value: statistic.value!, qualifier: statistic.qualifier as ValueQualifier, statistic }));
    return { measure: measure.trim(), place: placeId ? await entities.load(placeId) : null, points };
  }

  @Authorized('editor')
  @Mutation(() => Statistic, {
    description: 'Records a number a source reports, with its links; one transaction, idempotent, recorded in the history. Needs an editor key.',
  })
  async recordStatistic(
    @Arg('input', () => StatisticInput, { description: 'The number, its context and the sentence that states it.' }) input: StatisticInput,
    @Ctx() { statistics, entities }: StatisticContext,
  ) {
    const statistic = await statistics.service.record(
      {
        measure: input.measure.trim(),
        value: input.value,
        unit: input.unit.trim(),
        qualifier: input.qualifier ?? ValueQualifier.EXACT,
        period: input.period
          ? { start: toIsoDate(input.period.start), end: toIsoDate(input.period.end), label: input.period.label.trim() }
          : null,
        originId: input.originId ?? null,
        destinationId: input.destinationId ?? null,
        placeIds: input.placeIds ?? [],
        reportedById: input.reportedById ?? null,
        collectedById: input.collectedById ?? null,
        sourceId: input.sourceId,
        evidence: input.evidence,
      },
      // The rank is no fact of the statistic: it is checked and stored beside them.
      { rank: input.rank ?? null, reason: input.rankReason ?? null },
    );
    entities.replace(statistic);
    return statistic;
  }

  @FieldResolver(() => Place, { nullable: true, description: 'Where a flow starts, for counts of movement.' })
  async origin(@Root() statistic: EntityRecord, @Ctx() { statistics, entities }: StatisticContext) {
    const id = await statistics.link(statistic.id, 'originId');
    return id ? entities.resolve(id) : null;
  }

  @FieldResolver(() => Place, { nullable: true, description: 'Where a flow ends, for counts of movement.' })
  async destination(@Root() statistic: EntityRecord, @Ctx() { statistics, entities }: StatisticContext) {
    const id = await statistics.link(statistic.id, 'destinationId');
    return id ? entities.resolve(id) : null;
  }

  @FieldResolver(() => [Place], { description: 'Every place the number is about.' })
  async places(@Root() statistic: EntityRecord, @Ctx() { statistics, entities }: StatisticContext) {
    return entities.loadExisting((await statistics.link(statistic.id, 'placeIds')) ?? []);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The organization that counted or published the number, where the source names one.',
  })
  async reportedBy(@Root() statistic: EntityRecord, @Ctx() { statistics, entities }: StatisticContext) {
    const id = await statistics.link(statistic.id, 'reportedById');
    return id ? entities.resolve(id) : null;
  }

  @FieldResolver(() => Article, { description: 'The article that states the number.' })
  source(@Root() statistic: EntityRecord, @Ctx() { entities }: StatisticContext) {
    return entities.resolve(statistic.sourceId!);
  }

  @FieldResolver(() => [Evidence], { description: 'Every article that states this number, with the anchored words; the first is source.' })
  async sources(@Root() statistic: EntityRecord, @Ctx() { relations }: StatisticContext, @Info() info: GraphQLResolveInfo): Promise<EvidenceRecord[]> {
    const page = await relations.withOtherEnds(statistic.id, { query: STATED_BY, page: { limit: MAX_PAGE_SIZE, afterKey: null } }, info, true);
    const evidence = page.items.flatMap((item) => item.node.relation.evidence);
    return [...evidence.filter((item) => item.articleId === statistic.sourceId), ...evidence.filter((item) => item.articleId !== statistic.sourceId)];
  }
}
