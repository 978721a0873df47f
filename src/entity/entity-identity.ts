import type { EntityKind } from '../ontology';

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
