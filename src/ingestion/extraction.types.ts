import type { TextAnchorRecord } from '../article';
import type { EntityKind, ValueQualifier } from '../ontology';

/**
 * What the extractors of an ingested article propose, before an editor reviews it (issue 12,
 * part 2). Candidate types only: how they are stored as proposals is another step's business.
 */

/** An entity the graph already holds, as the extractors match it by name and alias. */
export interface KnownEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: readonly string[];
  /** The country a place or national organization lies in; none for a country or a border between countries. */
  countryId?: string;
}

/** A sentence of the article with its offsets (text.slice(start, end) === text). */
export interface CandidateSentence {
  start: number;
  end: number;
  text: string;
}

/** A period resolved against the publication date (docs/ontology.md, Periods). */
export interface CandidatePeriod {
  /** Inclusive ISO dates. */
  start: string;
  end: string;
  /** The source's own words ("January", "Last fiscal year", "August to February"). */
  label: string;
  /** The rule that resolved it, with the date it was resolved against: the reason of an INFERRED provenance. */
  rule: string;
}

/** The statistic-to-statistic relation types of the ontology. */
export type StatisticComparisonType =
  | 'INCREASED_FROM'
  | 'DECREASED_FROM'
  | 'MEASURES_CHANGE_FROM'
  | 'MEASURES_CHANGE_TO'
  | 'CONTRASTED_WITH';

/** A link from one candidate statistic to another of the same extraction, read `<this> type <toKey>`. */
export interface CandidateComparison {
  type: StatisticComparisonType;
  toKey: string;
}

export interface CandidateStatistic {
  /** Unique within one extraction ("statistic@812": the offset of its words), for comparisons. */
  key: string;
  value: number;
  /** The number exactly as written: "23,700", "one million", "78%", "5,500-mile", "$900 million". */
  valueText: string;
  /** One of src/ontology/measures.ts, and that measure's unit. */
  measure: string;
  unit: string;
  qualifier: ValueQualifier;
  /** Null when the text dates nothing, or when it does but the publication date is unknown (then see periodText). */
  period: CandidatePeriod | null;
  /** The words that date the number, kept even when they cannot be resolved. */
  periodText?: string;
  originId?: string;
  destinationId?: string;
  /** Origin, destination and the known places the number's clause names. */
  placeIds: string[];
  /** The organization the text names as having counted or published the number. */
  reportedById?: string;
  /** The organization or group the text names as having counted or caught what is counted. */
  collectedById?: string;
  comparisons: CandidateComparison[];
  sentence: CandidateSentence;
  /** Where valueText stands in the article: text.slice(anchor.start, anchor.end) === valueText. */
  anchor: TextAnchorRecord;
  /** 0..1: how much of the reading rests on the number's own words rather than on fallbacks. */
  confidence: number;
}
