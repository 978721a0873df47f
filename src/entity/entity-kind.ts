import { registerEnumType } from 'type-graphql';

export enum EntityKind {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
  PLACE = 'PLACE',
  POLICY = 'POLICY',
  EVENT = 'EVENT',
  STATISTIC = 'STATISTIC',
  ARTICLE = 'ARTICLE',
}

registerEnumType(EntityKind, {
  name: 'EntityKind',
  description: 'The kinds of thing the graph knows; each is also a Neo4j label beside :Entity.',
});

/**
 * The Neo4j label of each kind, which is also its GraphQL type name (the Entity interface
 * resolves a record's type from its kind); every entity node also carries :Entity.
 */
export const KIND_LABEL: Readonly<Record<EntityKind, string>> = {
  [EntityKind.PERSON]: 'Person',
  [EntityKind.ORGANIZATION]: 'Organization',
  [EntityKind.PLACE]: 'Place',
  [EntityKind.POLICY]: 'Policy',
  [EntityKind.EVENT]: 'Event',
  [EntityKind.STATISTIC]: 'Statistic',
  [EntityKind.ARTICLE]: 'Article',
};

/** "Royal Canadian Mounted Police" -> "royal-canadian-mounted-police"; ids are `<kind>:<slug>`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function entityIdFor(kind: EntityKind, name: string): string {
  return `${kind.toLowerCase()}:${slugify(name)}`;
}

/** Keys an entity is found by in `entity(name:)`: its name and aliases, case-folded. */
export function nameKeysOf(name: string, aliases: readonly string[]): string[] {
  return [...new Set([name, ...aliases].map((key) => key.toLowerCase()))];
}
