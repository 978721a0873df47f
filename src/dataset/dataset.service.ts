import { BadUserInputError } from '../errors';
import type { DatasetRecord, ReleaseRecord } from './dataset.record';
import type { DatasetRepository, SeriesQuery } from './dataset.repository';
import { monthEnd } from '../ontology';
import { monthOf, monthsBetween, monthStart, type SeriesGranularity } from './periods';
import { groupByPeriod, type MonthValue, type SeriesPointRecord } from './series';

/** Some values of one dimension, e.g. Component: ["U.S. Border Patrol"]. */
export interface DimensionFilterInput {
  name: string;
  values: readonly string[];
}

export interface SeriesRequest {
  datasetId: string;
  /** Null: the release's only measure. */
  measure: string | null;
  filter: readonly DimensionFilterInput[];
  granularity: SeriesGranularity;
  /** Dates (YYYY-MM-DD): the months that overlap [from, to]; null for no bound. */
  from: string | null;
  to: string | null;
  /** Null: the newest release. */
  releaseId: string | null;
}

export interface SeriesRecord {
  dataset: DatasetRecord;
  release: ReleaseRecord;
  measure: string;
  unit: string | null;
  points: SeriesPointRecord[];
}

/** What the reconciliation asks: the official figure of a measure, some dimension values and a period. */
export interface OfficialValueQuery {
  /** Omitted: the one dataset whose newest release has the measure. */
  datasetId?: string | null;
  measure: string;
  filter?: readonly DimensionFilterInput[];
  /** Inclusive dates, YYYY-MM-DD. */
  period: { start: string; end: string };
  /** Omitted: the newest release. */
  releaseId?: string | null;
}

export interface OfficialValue {
  /** The sum over the months that overlap the period. */
  value: number;
  release: ReleaseRecord;
  dataset: DatasetRecord;
  /** The period is whole months, every one of them in the release: the value is the period's, not part of it or more. */
  complete: boolean;
}

const NO_BOUND = { from: '0000-01-01', to: '9999-12-01' };

/**
 * Series and official figures from the releases of a dataset (issue 13). Reads pick the
 * cheapest source that answers them: the monthly totals with no filter, the subtotals of a
 * dimension with a filter on that one dimension, the observations otherwise (docs/datasets.md).
 */
export class DatasetService {
  constructor(
    private readonly repository: DatasetRepository,
    private readonly load: (id: string) => Promise<DatasetRecord | null>,
  ) {}

  async series(request: SeriesRequest): Promise<SeriesRecord> {
    if (request.from !== null && request.to !== null && request.from > request.to) {
      throw new BadUserInputError(`from (${request.from}) is after to (${request.to})`, { field: 'from' });
    }
    const dataset = await this.dataset(request.datasetId);
    const release = releaseOf(dataset, request.releaseId);
    const measure = measureOf(release, request.measure);
    const months = await this.monthValues(release, measure, request.filter, {
      from: request.from === null ? NO_BOUND.from : monthStart(monthOf(request.from)),
      to: request.to === null ? NO_BOUND.to : monthStart(monthOf(request.to)),
    });
    return { dataset, release, measure, unit: release.unit, points: groupByPeriod(months, request.granularity) };
  }

  /**
   * The official figure for a claim: the sum over the months that overlap the period, in the
   * newest release (or the one given); null when the release holds none of those months.
   * Refuses (BAD_USER_INPUT) an unknown dataset, release, measure, dimension or value: the
   * caller's mapping to the dataset is wrong, which a null would hide.
   */
  async officialValue(query: OfficialValueQuery): Promise<OfficialValue | null> {
    const dataset = query.datasetId ? await this.dataset(query.datasetId) : await this.datasetWith(query.measure);
    if (dataset === null) return null;
    const release = releaseOf(dataset, query.releaseId ?? null);
    const measure = measureOf(release, query.measure);
    const { start, end } = query.period;
    const months = await this.monthValues(release, measure, query.filter ?? [], { from: monthStart(monthOf(start)), to: monthStart(monthOf(end)) });
    if (months.length === 0) return null;
    const wholeMonths = start.endsWith('-01') && end === monthEnd(end);
    const complete = wholeMonths && months.length === monthsBetween(start, end);
    return { value: months.reduce((sum, month) => sum + month.value, 0), release, dataset, complete };
  }

  /** A dataset's releases, newest first: a claim checked against each tells a revision from an error. */
  async releasesOf(datasetId: string): Promise<ReleaseRecord[]> {
    return (await this.dataset(datasetId)).releases;
  }

  private async dataset(id: string): Promise<DatasetRecord> {
    const dataset = await this.load(id);
    if (!dataset) throw new BadUserInputError(`no dataset ${id}`, { field: 'datasetId' });
    return dataset;
  }

  private async datasetWith(measure: string): Promise<DatasetRecord | null> {
    const holding = (await this.repository.datasets(null)).filter((dataset) => dataset.releases[0]?.measures.includes(measure));
    if (holding.length > 1) {
      throw new BadUserInputError(`datasets ${holding.map((dataset) => dataset.id).join(', ')} all have measure "${measure}": name one`, { field: 'datasetId' });
    }
    return holding[0] ?? null;
  }

  private async monthValues(release: ReleaseRecord, measure: string, filter: readonly DimensionFilterInput[], months: { from: string; to: string }): Promise<MonthValue[]> {
    const query: SeriesQuery = { releaseId: release.id, measure, ...months };
    const filters = codedFilters(release, filter);
    if (filters.length === 0) return this.repository.monthTotals(query);
    const [only] = filter;
    if (filters.length === 1 && release.subtotalDimensions.includes(only!.name)) return this.repository.monthSubtotals(query, only!.name, only!.values);
    return this.repository.monthSums(query, filters);
  }
}

function releaseOf(dataset: DatasetRecord, releaseId: string | null): ReleaseRecord {
  if (releaseId === null) {
    const [newest] = dataset.releases;
    if (!newest) throw new BadUserInputError(`${dataset.id} has no release yet`, { field: 'datasetId' });
    return newest;
  }
  const release = dataset.releases.find((candidate) => candidate.id === releaseId);
  if (!release) throw new BadUserInputError(`${dataset.id} has no release ${releaseId} (it has ${dataset.releases.map((r) => r.id).join(', ')})`, { field: 'releaseId' });
  return release;
}

function measureOf(release: ReleaseRecord, measure: string | null): string {
  if (measure === null) {
    if (release.measures.length === 1) return release.measures[0]!;
    throw new BadUserInputError(`measure is needed: ${release.id} has ${release.measures.join(', ')}`, { field: 'measure' });
  }
  if (!release.measures.includes(measure)) throw new BadUserInputError(`${release.id} has no measure "${measure}" (it has ${release.measures.join(', ')})`, { field: 'measure' });
  return measure;
}

/**
 * The filter as the observations store it: each dimension by its index, each value by its code.
 * An unknown dimension or value is refused rather than summed as 0: "Border Patrol" for
 * "U.S. Border Patrol" would otherwise read as no encounters at all.
 */
function codedFilters(release: ReleaseRecord, filter: readonly DimensionFilterInput[]): { index: number; codes: number[] }[] {
  return filter.map(({ name, values }, position) => {
    const index = release.dimensions.findIndex((dimension) => dimension.name === name);
    const field = `filter[${position}]`;
    if (index < 0) throw new BadUserInputError(`${release.id} has no dimension "${name}" (it has ${release.dimensions.map((d) => `"${d.name}"`).join(', ')})`, { field: `${field}.name` });
    if (filter.findIndex((other) => other.name === name) !== position) throw new BadUserInputError(`dimension "${name}" is filtered twice`, { field: `${field}.name` });
    if (values.length === 0) throw new BadUserInputError(`no value of "${name}" is given`, { field: `${field}.values` });
    const known = release.dimensions[index]!.values;
    return {
      index,
      codes: values.map((value, valueIndex) => {
        const code = known.indexOf(value);
        if (code < 0) throw new BadUserInputError(`"${name}" never takes the value "${value}" (its values: ${known.map((v) => `"${v}"`).join(', ')})`, { field: `${field}.values[${valueIndex}]` });
        return code;
      }),
    };
  });
}
