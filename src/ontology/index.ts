/** The ontology: the one vocabulary of kinds, qualifiers, statistic ranks, relation types, measures and provenance (docs/ontology.md). */
export { ENTITY_KINDS, EntityKind, KIND_LABEL, isCuratedEntityKind, type CuratedEntityKind } from './entity-kinds';
export { CONFLICTING_QUALIFIERS, VALUE_QUALIFIERS, ValueQualifier, qualifiersConflict } from './value-qualifiers';
export { STATISTIC_RANKS, StatisticRank, statisticRankProblem } from './statistic-ranks';
export {
  CURATED_RELATION_TYPES,
  DERIVED_RELATION_TYPES,
  MENTIONS,
  RELATION_TYPES,
  relationTypeDefinition,
  type RelationTypeDefinition,
} from './relation-types';
export { vocabulary } from './vocabulary';
export { MEASURES, measureDefinition, type MeasureDefinition } from './measures';
export { calendarYearOf, fiscalYearOf, fiscalYearSpan, isIsoDate, isoDate, lastDayOf, MONTH_NAMES, monthEnd, monthLabel } from './calendar';
export {
  PROVENANCE_KINDS,
  ProvenanceKind,
  provenanceNote,
  provenanceProblem,
  provenanceProperties,
  storedProvenance,
  type ExtractionReview,
  type Provenance,
} from './provenance';
