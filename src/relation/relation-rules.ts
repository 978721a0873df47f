import { CURATED_RELATION_TYPES, DERIVED_RELATION_TYPES, MENTIONS, type RelationTypeDefinition } from '../ontology';

/** Why a link cannot be written or deleted as asked: a message, and the reason a client branches on. */
export interface RelationRefusal {
  reason: 'DERIVED_RELATION' | 'UNKNOWN_RELATION_TYPE' | 'SELF_LOOP';
  message: string;
}

/**
 * Why unlinkEntities may not delete links of this type, or null for a curated one. Only curated
 * types may go: an allow-list, so that a derived type the ontology adds (as MENTIONS, which is no
 * relation type of RELATION_TYPES, once slipped through a list of the derived ones) is refused too.
 */
export function unlinkRefusal(type: string): RelationRefusal | null {
  if (DERIVED_RELATION_TYPES.has(type)) {
    const source = type === MENTIONS ? 'the sentences that name an entity' : 'the fields of statistics and articles';
    return {
      reason: 'DERIVED_RELATION',
      message: `${type} links are derived from ${source}, not curated, and cannot be unlinked: change what they are derived from`,
    };
  }
  if (!CURATED_RELATION_TYPES.some((definition) => definition.type === type)) {
    return {
      reason: 'UNKNOWN_RELATION_TYPE',
      message: `"${type}" is not a relation type of the ontology; unlinkEntities deletes curated links: ${CURATED_RELATION_TYPES.map((definition) => definition.type).join(', ')}`,
    };
  }
  return null;
}

/** Why a link of this type cannot join these ends: one entity at both, where the type gives a self-loop no meaning. */
export function selfLoopRefusal(definition: RelationTypeDefinition, fromId: string, toId: string): RelationRefusal | null {
  if (fromId !== toId || definition.reflexive) return null;
  return { reason: 'SELF_LOOP', message: `"${fromId}" cannot ${definition.type} itself: a ${definition.type} link joins two different entities` };
}
