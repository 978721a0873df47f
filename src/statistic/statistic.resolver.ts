import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { StatisticInput } from './statistic.input';
import { Article } from '../article/article.type';
import type { EntityRecord } from '../entity/entity.record';
import { Organization, Place } from '../entity/entity.type';
import type { GraphQLContext } from '../graphql/context';
import { pageCost } from '../graphql/limits';
import { PageArgs, toConnection, toPageRequest } from '../graphql/pagination';
import { toIsoDate } from '../graphql/scalars';
import { Statistic, StatisticConnection, StatisticFilter, ValueQualifier } from './statistic.type';

async function linksOf(statistic: EntityRecord, { loaders }: GraphQLContext) {
  return loaders.statisticLinks.load(statistic.id);
}

@Resolver(() => Statistic)
export class StatisticResolver {
  @Query(() => StatisticConnection, {
    description: 'Statistics matching the filter, oldest period first (undated last).',
    complexity: pageCost,
  })
  async statistics(
    @Arg('filter', () => StatisticFilter, { nullable: true, description: 'Conditions that must all hold; none returns every statistic.' }) filter: StatisticFilter | null,
    @Args() pageArgs: PageArgs,
    @Ctx() { repositories, loaders }: GraphQLContext,
  ) {
    const request = toPageRequest(pageArgs);
    const page = await repositories.statistics.page(
      {
        measure: filter?.measure ?? null,
        placeId: filter?.placeId ?? null,
        reportedById: filter?.reportedById ?? null,
        sourceId: filter?.sourceId ?? null,
        from: filter?.from ? toIsoDate(filter.from) : null,
        to: filter?.to ? toIsoDate(filter.to) : null,
      },
      request,
    );
    for (const { node } of page.items) {
      loaders.entityById.prime(node.statistic.id, node.statistic);
      loaders.statisticLinks.prime(node.statistic.id, node.links);
      for (const entity of node.related) loaders.entityById.prime(entity.id, entity);
    }
    return toConnection(
      { ...page, items: page.items.map((item) => ({ sortKey: item.sortKey, node: item.node.statistic })) },
      request,
    );
  }

  @Authorized('editor')
  @Mutation(() => Statistic, {
    description: 'Records a number a source reports, with its links; one transaction, idempotent. Needs an editor key.',
  })
  async recordStatistic(@Arg('input', () => StatisticInput, { description: 'The number, its context and the sentence that states it.' }) input: StatisticInput, @Ctx() { repositories, loaders }: GraphQLContext) {
    const statistic = await repositories.statistics.record({
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
      sourceId: input.sourceId,
      evidence: input.evidence,
    });
    loaders.entityById.clear(statistic.id).prime(statistic.id, statistic);
    return statistic;
  }

  @FieldResolver(() => Place, { nullable: true, description: 'Where a flow starts, for counts of movement.' })
  async origin(@Root() statistic: EntityRecord, @Ctx() context: GraphQLContext) {
    const links = await linksOf(statistic, context);
    return links?.originId ? context.loaders.entityById.load(links.originId) : null;
  }

  @FieldResolver(() => Place, { nullable: true, description: 'Where a flow ends, for counts of movement.' })
  async destination(@Root() statistic: EntityRecord, @Ctx() context: GraphQLContext) {
    const links = await linksOf(statistic, context);
    return links?.destinationId ? context.loaders.entityById.load(links.destinationId) : null;
  }

  @FieldResolver(() => [Place], { description: 'Every place the number is about.' })
  async places(@Root() statistic: EntityRecord, @Ctx() context: GraphQLContext) {
    const links = await linksOf(statistic, context);
    const places = await context.loaders.entityById.loadMany(links?.placeIds ?? []);
    return places.filter((place): place is EntityRecord => place !== null && !(place instanceof Error));
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The organization that counted or published the number, where the source names one.',
  })
  async reportedBy(@Root() statistic: EntityRecord, @Ctx() context: GraphQLContext) {
    const links = await linksOf(statistic, context);
    return links?.reportedById ? context.loaders.entityById.load(links.reportedById) : null;
  }

  @FieldResolver(() => Article, { description: 'The article that states the number.' })
  source(@Root() statistic: EntityRecord, @Ctx() { loaders }: GraphQLContext) {
    return loaders.entityById.load(statistic.sourceId!);
  }
}
