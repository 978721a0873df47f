import type { DatasetScope, ReleaseRecord, SeriesGranularity, SeriesRecord } from '../dataset';
import type { EntityRecord } from '../entity';
import type { ValueQualifier } from '../ontology';
import type { StatisticScope } from '../statistic';
import { compareWithOfficial, type ComparisonRecord, type OfficialData } from './compare';
import { counterpartRuleFor } from './counterparts';

/** A comparison as the GraphQL layer resolves it: the release itself, for DatasetRelease's fields. */
export interface OfficialComparisonRecord extends Omit<ComparisonRecord, 'release'> {
  release: ReleaseRecord | null;
}

/**
 * Every number of the articles beside the official data: the counterpart rules and verdicts of
 * compare.ts, asked of the dataset domain's releases and official values.
 */
export class ReconciliationService {
  constructor(
    private readonly statistics: StatisticScope,
    private readonly datasets: DatasetScope,
  ) {}

  /**
   * The official series the articles' numbers of a measure (and place) are compared with, by the
   * counterpart rules: the line to draw under Query.reportedSeries's points. Null where no rule
   * maps the measure and place to a count (a percentage drop has no line of its own).
   */
  async officialSeriesFor(measure: string, placeId: string | null, granularity: SeriesGranularity): Promise<SeriesRecord | null> {
    const rule = counterpartRuleFor(measure.trim().toLowerCase(), placeId ? [placeId] : []);
    if (rule?.counterpart.kind !== 'COUNT') return null;
    const { datasetId, measure: officialMeasure, filter } = rule.counterpart;
    if (!(await this.datasets.load(datasetId))) return null;
    return this.datasets.service.series({ datasetId, measure: officialMeasure, filter, granularity, from: null, to: null, releaseId: null });
  }

  async compare(statistic: EntityRecord): Promise<OfficialComparisonRecord> {
    const links = await this.statistics.linksOf(statistic.id);
    // A place is often both among the places and the origin or destination: named once.
    const placeIds = links ? [...new Set([...links.placeIds, links.originId, links.destinationId].filter((id): id is string => id !== null))] : [];
    const releases = new Map<string, ReleaseRecord>();
    const official: OfficialData = {
      releases: async (datasetId) => {
        const dataset = await this.datasets.load(datasetId);
        for (const release of dataset?.releases ?? []) releases.set(release.id, release);
        return (dataset?.releases ?? []).map((release) => ({ id: release.id, label: release.label }));
      },
      value: async (query) => {
        const found = await this.datasets.service.officialValue(query);
        return found?.complete ? found.value : null;
      },
    };
    const comparison = await compareWithOfficial(
      {
        measure: statistic.measure!,
        value: statistic.value!,
        unit: statistic.unit!,
        qualifier: statistic.qualifier as ValueQualifier,
        period: statistic.period ?? null,
        placeIds,
      },
      official,
    );
    return { ...comparison, release: comparison.release ? releases.get(comparison.release.id)! : null };
  }
}
