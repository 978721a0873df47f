/** The ontology: the one vocabulary of kinds, qualifiers and relation types (docs/ontology.md). */
export { ENTITY_KINDS, EntityKind, KIND_LABEL, isCuratedEntityKind, type CuratedEntityKind } from './entity-kinds';
export { VALUE_QUALIFIERS, ValueQualifier } from './value-qualifiers';
export {
  CURATED_RELATION_TYPES,
  DERIVED_RELATION_TYPES,
  RELATION_TYPES,
  relationTypeDefinition,
  type RelationTypeDefinition,
} from './relation-types';
