import type { GraphQLResolveInfo } from 'graphql';
import type { EntityProjection } from '../entity';
import { selectedFields } from '../graphql/selection';
import { ALL_LINKED_ENTITIES, type LinkedEntities } from './statistic.repository';

/** The Statistic fields that answer with a linked entity, and which of the read's linked entities each needs. */
export const LINKED_ENTITY_OF_FIELD: Readonly<Record<string, keyof LinkedEntities>> = {
  origin: 'places',
  destination: 'places',
  places: 'places',
  reportedBy: 'reporter',
  collectedBy: 'collector',
  source: 'sources',
};

/**
 * The linked entities an operation reads through statistics: those of the Statistic fields it
 * selects. Every one when the entity projection is null, since a field this service does not
 * know to be safe is selected and its resolver may load any of them.
 */
export function linkedEntitiesSelected(info: Pick<GraphQLResolveInfo, 'schema' | 'operation' | 'fragments'>, projection: EntityProjection): LinkedEntities {
  if (projection === null) return ALL_LINKED_ENTITIES;
  const linked: LinkedEntities = { places: false, reporter: false, collector: false, sources: false };
  for (const field of selectedFields(info).get('Statistic') ?? []) {
    const entity = LINKED_ENTITY_OF_FIELD[field];
    if (entity) linked[entity] = true;
  }
  return linked;
}
