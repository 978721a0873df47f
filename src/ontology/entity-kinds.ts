import { vocabulary } from './vocabulary';

/**
 * The kinds of thing the graph knows. One vocabulary for the seed (cypher/seed/graph.json),
 * the API (the EntityKind enum), the write rules, the benchmark and docs/ontology.md, which a
 * test keeps in agreement with this file.
 */
export const EntityKind = vocabulary(
  'PERSON',
  'ORGANIZATION',
  'PLACE',
  'POLICY',
  'EVENT',
  'GROUP',
  'PARTY',
  'EQUIPMENT',
  'STATISTIC',
  'ARTICLE',
);

export type EntityKind = keyof typeof EntityKind;

export const ENTITY_KINDS: readonly EntityKind[] = Object.values(EntityKind);

/**
 * The Neo4j label of each kind, which is also its GraphQL type name (the Entity interface
 * resolves a record's type from its kind); every entity node also carries :Entity.
 */
export const KIND_LABEL: Readonly<Record<EntityKind, string>> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
  POLICY: 'Policy',
  EVENT: 'Event',
  GROUP: 'Group',
  PARTY: 'Party',
  EQUIPMENT: 'Equipment',
  STATISTIC: 'Statistic',
  ARTICLE: 'Article',
};

/**
 * Kinds with writes of their own: a statistic is recorded with its sentence and links
 * (recordStatistic), an article comes with its text. Every other kind is written by upsertEntity.
 */
export type CuratedEntityKind = Exclude<EntityKind, 'STATISTIC' | 'ARTICLE'>;

export function isCuratedEntityKind(kind: EntityKind): kind is CuratedEntityKind {
  return kind !== EntityKind.STATISTIC && kind !== EntityKind.ARTICLE;
}
