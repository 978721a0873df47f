import { createHash } from 'node:crypto';
import { transliterate } from 'transliteration';
import type { EntityKind } from '../ontology';
import { skeleton } from './name-skeleton';

/** Derived slugs are cut here (and a hash of the name added), so every derived id passes the API's id check. */
const MAX_SLUG_LENGTH = 100;
/** 40 bits: a hash stands for one name among the few that share a slug, never for every name there is. */
const NAME_HASH_LENGTH = 10;

/** A name as it is stored and compared: Unicode NFC (an "é" typed as "e" and an accent is the one "é"), trimmed. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').trim();
}

/** "Royal Canadian Mounted Police" -> "royal-canadian-mounted-police"; ids are `<kind>:<slug>`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * `<kind>:<slug>` of the name, readable where the name allows it: other scripts are
 * transliterated ("Москва" -> `place:moskva`, "北京" -> `place:bei-jing`); a name with nothing
 * to transliterate (emoji) gets a short hash of itself, and a very long one its slug cut, then
 * that hash. Never empty, and always a valid id. Two names may still derive one id ("C++ Probe"
 * and "C Probe"): writes refuse the second rather than let it rename the first.
 */
export function entityIdFor(kind: EntityKind, name: string): string {
  const slug = slugify(transliterate(normaliseName(name)));
  const bounded =
    slug === ''
      ? nameHash(name)
      : slug.length > MAX_SLUG_LENGTH
        ? `${slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '')}-${nameHash(name)}`
        : slug;
  return `${kind.toLowerCase()}:${bounded}`;
}

function nameHash(name: string): string {
  return createHash('sha256').update(lookupKeyOf(name)).digest('hex').slice(0, NAME_HASH_LENGTH);
}

/** What `entity(name:)` compares: the normalised name, case-folded. */
export function lookupKeyOf(name: string): string {
  return normaliseName(name).toLowerCase();
}

/** Keys an entity is found by in `entity(name:)`: its name and aliases, case-folded. */
export function nameKeysOf(name: string, aliases: readonly string[]): string[] {
  return [...new Set([name, ...aliases].map(lookupKeyOf))];
}

/**
 * The keys of a name's `:NameKey`s (one holder each, docs/ontology.md#one-name-one-entity): the
 * UTS #39 skeletons of its lookup key and of the name as written. Names that differ only in case,
 * composition or look-alike letters share one: "Police", "POLICE" and "Pоlice" (a Cyrillic о)
 * the first, "Mounties" and "Моunties" (a Cyrillic М, whose small form "м" looks like no "m")
 * the second.
 */
export function skeletonKeysOf(name: string): string[] {
  return [...new Set([skeleton(lookupKeyOf(name)), skeleton(normaliseName(name))])];
}

/** A name an entity claims, with its key. */
export interface NameClaim {
  entityId: string;
  name: string;
  key: string;
}

/**
 * The claims of entities' names: one per key and entity, in key order (writers that lock keys in
 * one order do not deadlock).
 */
export function nameClaimsOf(entities: readonly { id: string; names: readonly string[] }[]): NameClaim[] {
  const claims = entities.flatMap(({ id, names }) => {
    const byKey = new Map<string, NameClaim>();
    for (const name of names) {
      for (const key of skeletonKeysOf(name)) {
        if (!byKey.has(key)) byKey.set(key, { entityId: id, name: normaliseName(name), key });
      }
    }
    return [...byKey.values()];
  });
  return claims.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
