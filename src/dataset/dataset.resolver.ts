import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { EntityRecord } from '../entity';
import { toIsoDate } from '../graphql/scalars';
import { EntityKind } from '../ontology';
import { SeriesArgs, SeriesChangeArgs } from './dataset.args';
import type { DatasetContext } from './dataset.context';
import { coverageOf, type DatasetRecord, type ReleaseRecord } from './dataset.record';
import type { SeriesRecord } from './dataset.service';
import { Dataset, DatasetRelease, Series, SeriesChange } from './dataset.type';
import { changeBetween, extremeOf, totalOf } from './series';

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => [Dataset], { description: 'Every dataset of official figures the graph holds, by title, with its releases.' })
  datasets(@Ctx() { datasets }: DatasetContext): Promise<DatasetRecord[]> {
    return datasets.all();
  }

  /** The organization the mapping names; null when the graph has none of that id (the mapping only checks its shape). */
  @FieldResolver()
  async publisher(@Root() dataset: DatasetRecord, @Ctx() { entities }: DatasetContext): Promise<EntityRecord | null> {
    if (!dataset.publisherId) return null;
    const publisher = await entities.load(dataset.publisherId);
    return publisher?.kind === EntityKind.ORGANIZATION ? publisher : null;
  }
}

@Resolver(() => DatasetRelease)
export class DatasetReleaseResolver {
  @FieldResolver()
  coverage(@Root() release: ReleaseRecord) {
    return coverageOf(release);
  }
}

@Resolver(() => Series)
export class SeriesResolver {
  @Query(() => Series, { description: 'Official observations summed over every dimension not fixed by filter, one point per period of the granularity.' })
  series(@Args() { datasetId, measure, filter, granularity, from, to, releaseId }: SeriesArgs, @Ctx() { datasets }: DatasetContext): Promise<SeriesRecord> {
    return datasets.service.series({
      datasetId,
      measure: measure ?? null,
      filter: filter ?? [],
      granularity,
      from: from ? toIsoDate(from) : null,
      to: to ? toIsoDate(to) : null,
      releaseId: releaseId ?? null,
    });
  }

  @FieldResolver()
  total(@Root() series: SeriesRecord): number {
    return totalOf(series.points);
  }

  @FieldResolver()
  min(@Root() series: SeriesRecord) {
    return extremeOf(series.points, 'min');
  }

  @FieldResolver()
  max(@Root() series: SeriesRecord) {
    return extremeOf(series.points, 'max');
  }

  @FieldResolver(() => SeriesChange, {
    nullable: true,
    description: 'From the point whose period holds from to the one that holds to (the first and the last point by default); null without points.',
  })
  change(@Root() series: SeriesRecord, @Args() { from, to }: SeriesChangeArgs) {
    return changeBetween(series.points, from ? toIsoDate(from) : null, to ? toIsoDate(to) : null);
  }
}
