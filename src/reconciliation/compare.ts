import { monthEnd, monthLabel, type ValueQualifier } from '../ontology';
import { counterpartRuleFor, COUNTERPART_MEASURES, COVERAGE_NOTE, type CountCounterpart } from './counterparts';
import { judge, percentageDrop, type ComparisonVerdict, type OfficialFigure } from './verdict';

/** A release of a dataset, as the comparison names it. */
export interface ReleaseRef {
  id: string;
  label: string;
}

/** What reconciliation asks of the official data (the dataset domain answers, wired by the composition root). */
export interface OfficialData {
  /** The releases of a dataset, newest first; none when the dataset is not loaded. */
  releases(datasetId: string): Promise<ReleaseRef[]>;
  /** The measure summed over the dimensions the filter leaves free, over the period, in the release; null unless the release covers the whole period. */
  value(query: { datasetId: string; measure: string; filter: CountCounterpart['filter']; period: { start: string; end: string }; releaseId: string }): Promise<number | null>;
}

/** A number of an article, as the comparison reads it. */
export interface ReportedStatistic {
  measure: string;
  value: number;
  unit: string;
  qualifier: ValueQualifier;
  period: { start: string; end: string; label: string } | null;
  /** Its places, origin and destination. */
  placeIds: readonly string[];
}

export interface ComparisonRecord {
  verdict: ComparisonVerdict;
  officialValue: number | null;
  difference: number | null;
  relativeDifference: number | null;
  datasetId: string | null;
  release: ReleaseRef | null;
  explanation: string;
}

const none = (explanation: string): ComparisonRecord => ({
  verdict: 'NO_OFFICIAL_COUNTERPART',
  officialValue: null,
  difference: null,
  relativeDifference: null,
  datasetId: null,
  release: null,
  explanation,
});

/**
 * A reported number beside its official counterpart: the newest release's figure, the
 * difference, and a verdict; a derived claim (a percentage drop) recomputed from the official
 * counts; NO_OFFICIAL_COUNTERPART with the reason when no dataset answers it.
 */
export async function compareWithOfficial(statistic: ReportedStatistic, data: OfficialData): Promise<ComparisonRecord> {
  const rule = counterpartRuleFor(statistic.measure, statistic.placeIds);
  if (!rule) {
    return none(
      COUNTERPART_MEASURES.has(statistic.measure)
        ? `${COVERAGE_NOTE}; this number is about ${statistic.placeIds.join(', ') || 'no place'}.`
        : `No dataset of the graph counts ${statistic.measure}.`,
    );
  }
  if (!statistic.period) return none('The number gives no period to look up.');
  const { counterpart } = rule;
  const count = counterpart.kind === 'COUNT' ? counterpart : counterpart.count;
  const releases = await data.releases(count.datasetId);
  if (releases.length === 0) return none(`The dataset ${count.datasetId} is not loaded.`);

  const period = statistic.period;
  const official = async (release: ReleaseRef): Promise<{ value: number; basis: string } | null> => {
    const ask = (start: string, end: string) => data.value({ datasetId: count.datasetId, measure: count.measure, filter: count.filter, period: { start, end }, releaseId: release.id });
    if (counterpart.kind === 'COUNT') {
      const value = await ask(period.start, period.end);
      return value === null ? null : { value, basis: '' };
    }
    // "A drop of 90% from December 2023 to February": the first month of the period against its last.
    const first = await ask(period.start, monthEnd(period.start));
    const last = await ask(startOfMonth(period.end), period.end);
    if (first === null || last === null) return null;
    const drop = Math.round(percentageDrop(first, last) * 10) / 10;
    return { value: drop, basis: `Recomputed from the official counts, ${first.toLocaleString('en-US')} in ${monthLabel(period.start)} and ${last.toLocaleString('en-US')} in ${monthLabel(period.end)}. ` };
  };

  const figures: (OfficialFigure & { basis: string })[] = [];
  for (const release of releases) {
    const found = await official(release);
    if (found) figures.push({ value: found.value, basis: found.basis, releaseId: release.id, releaseLabel: release.label });
  }
  const newest = figures[0];
  if (!newest || newest.releaseId !== releases[0]!.id) {
    return none(`The ${releases[0]!.label} release of ${count.datasetId} does not cover ${period.label} (${period.start} to ${period.end}) entirely.`);
  }
  const judgement = judge(statistic, newest, figures.slice(1));
  return {
    verdict: judgement.verdict,
    officialValue: newest.value,
    difference: judgement.difference,
    relativeDifference: judgement.relativeDifference,
    datasetId: count.datasetId,
    release: releases[0]!,
    explanation: `${newest.basis}${judgement.explanation} ${count.reading}.`,
  };
}

/** The first day of the month a date falls in. */
const startOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
