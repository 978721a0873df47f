/**
 * Which official series answers a number of the articles: the documented mapping from the
 * ontology's measures and places to a dataset's measure and dimensions (docs/datasets.md,
 * Reconciliation). Kept as data beside the code that reads it, one rule per kind of claim.
 */

export interface DimensionValues {
  name: string;
  values: string[];
}

/** A count the dataset holds directly. */
export interface CountCounterpart {
  kind: 'COUNT';
  datasetId: string;
  /** The dataset's measure. */
  measure: string;
  /** Dimensions fixed by the rule; the others are summed. */
  filter: DimensionValues[];
  /** Why these numbers count the same thing, for the explanation. */
  reading: string;
}

/** A percentage change the article derives from two counts: recomputed from the official ones. */
export interface DropCounterpart {
  kind: 'PERCENTAGE_DROP';
  count: Omit<CountCounterpart, 'kind'>;
}

export type Counterpart = CountCounterpart | DropCounterpart;

export interface CounterpartRule {
  /** Measures of src/ontology/measures.ts. */
  measures: readonly string[];
  /** A statistic about any of these places (its places, origin or destination). */
  placeIds: readonly string[];
  counterpart: Counterpart;
}

/** CBP's Southwest Land Border Encounters, summed over component, demographic, citizenship, title and type. */
const SOUTHWEST_ENCOUNTERS = {
  datasetId: 'dataset:cbp-southwest-land-border-encounters',
  measure: 'encounters',
  filter: [],
  reading:
    'CBP counts encounters at the southwest land border (U.S. Border Patrol apprehensions and Office of Field Operations inadmissibles together); the articles call the same count illegal crossings',
} as const;

export const COUNTERPART_RULES: readonly CounterpartRule[] = [
  {
    measures: ['illegal crossings', 'migrant crossings', 'apprehensions'],
    placeIds: ['place:us-mexico-border'],
    counterpart: { kind: 'COUNT', ...SOUTHWEST_ENCOUNTERS, filter: [] },
  },
  {
    measures: ['percentage drop in illegal crossings'],
    placeIds: ['place:us-mexico-border'],
    counterpart: { kind: 'PERCENTAGE_DROP', count: { ...SOUTHWEST_ENCOUNTERS, filter: [] } },
  },
];

/** Every measure some dataset answers somewhere: a number of one of them elsewhere lacks a counterpart for its place. */
export const COUNTERPART_MEASURES: ReadonlySet<string> = new Set(COUNTERPART_RULES.flatMap((rule) => rule.measures));

/** The datasets of the graph and what they cover, for a NO_OFFICIAL_COUNTERPART's reason. */
export const COVERAGE_NOTE = "The graph's official data is CBP's Southwest Land Border Encounters: the southwest land border only";

/** The rule that answers a statistic of this measure about these places, if any. */
export function counterpartRuleFor(measure: string, placeIds: readonly string[]): CounterpartRule | null {
  return COUNTERPART_RULES.find((rule) => rule.measures.includes(measure) && rule.placeIds.some((placeId) => placeIds.includes(placeId))) ?? null;
}
