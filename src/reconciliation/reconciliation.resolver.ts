import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { EntityRecord } from '../entity';
import { Series, SeriesGranularity, type SeriesRecord } from '../dataset';
import { ReportedSeries, Statistic } from '../statistic';
import type { ReconciliationContext } from './reconciliation.context';
import type { OfficialComparisonRecord } from './reconciliation.service';
import { OfficialComparison, ReconciledStatistic } from './reconciliation.type';

@Resolver(() => Statistic)
export class StatisticComparisonResolver {
  @FieldResolver(() => OfficialComparison, { description: 'The official counterpart of this number, with a verdict and the difference explained.' })
  officialComparison(@Root() statistic: EntityRecord, @Ctx() { reconciliation }: ReconciliationContext): Promise<OfficialComparisonRecord> {
    return reconciliation.service.compare(statistic);
  }
}

/** The official comparison's dataset, and the reconciliation of a whole article. */
@Resolver(() => OfficialComparison)
export class ReconciliationResolver {
  @FieldResolver()
  dataset(@Root() comparison: OfficialComparisonRecord, @Ctx() { datasets }: ReconciliationContext) {
    return comparison.datasetId ? datasets.load(comparison.datasetId) : null;
  }

  @Query(() => [ReconciledStatistic], {
    description: "Every number an article states beside its official counterpart, in the article's order of periods: what a reader checks first.",
  })
  async reconciliation(
    @Arg('articleId', () => ID, { description: 'The article, e.g. "article:crossings-from-canada-drop-as-agents-shift-south".' }) articleId: string,
    @Ctx() { statistics, reconciliation }: ReconciliationContext,
  ) {
    const stated = await statistics.allMatching({ sourceId: articleId });
    return Promise.all(stated.map(async ({ statistic }) => ({ statistic, comparison: await reconciliation.service.compare(statistic) })));
  }
}

/** The official line beneath the articles' numbers of a measure. */
@Resolver(() => ReportedSeries)
export class ReportedSeriesOfficialResolver {
  @FieldResolver(() => Series, {
    nullable: true,
    description:
      "The official series these numbers are compared with (the counterpart rules of docs/datasets.md), summed by the granularity; null where no dataset covers the measure and place.",
  })
  officialSeries(
    @Root() series: { measure: string; place: { id: string } | null },
    @Arg('granularity', () => SeriesGranularity, { defaultValue: SeriesGranularity.MONTH, description: 'The periods to sum the months into.' }) granularity: SeriesGranularity,
    @Ctx() { reconciliation }: ReconciliationContext,
  ): Promise<SeriesRecord | null> {
    return reconciliation.service.officialSeriesFor(series.measure, series.place?.id ?? null, granularity);
  }
}
