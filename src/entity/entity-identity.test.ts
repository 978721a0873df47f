import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ENTITY_ID_PATTERN, INPUT_LIMITS } from '../graphql/input-rules';
import { EntityKind } from '../ontology';
import { fromProjectRoot } from '../config/project-root';
import { entityIdFor, lookupKeyOf, nameClaimsOf, nameKeysOf, normaliseName, skeletonKeysOf, slugify } from './entity-identity';

const PLACE = EntityKind.PLACE;

/** The seed's entities, read as data: the seed domain uses this one, not the reverse. */
const SEED_ENTITIES = (JSON.parse(readFileSync(fromProjectRoot('cypher', 'seed', 'graph.json'), 'utf8')) as {
  entities: { id: string; kind: EntityKind; name: string; aliases: string[] }[];
}).entities;

describe('entityIdFor', () => {
  it.each([
    ['Royal Canadian Mounted Police', 'place:royal-canadian-mounted-police'],
    ['Москва', 'place:moskva'],
    ['北京', 'place:bei-jing'],
    ['Αθήνα', 'place:athina'],
    ['서울', 'place:seoul'],
    ['Québec', 'place:quebec'],
    ['Montre\u0301al', 'place:montreal'],
    ['C++ Probe', 'place:c-probe'],
  ])('derives a readable id from %p: %p', (name, id) => {
    expect(entityIdFor(PLACE, name)).toBe(id);
  });

  it('transliterates right-to-left scripts', () => {
    expect(entityIdFor(PLACE, 'عربى')).toMatch(/^place:[a-z]/);
    expect(entityIdFor(PLACE, 'ירושלים')).toMatch(/^place:[a-z]/);
  });

  it('falls back to a stable hash of the name where nothing can be transliterated', () => {
    const rocket = entityIdFor(PLACE, '🚀');
    expect(rocket).toMatch(/^place:[0-9a-f]{10}$/);
    expect(entityIdFor(PLACE, ' 🚀 ')).toBe(rocket);
    expect(entityIdFor(PLACE, '🛰️')).not.toBe(rocket);
    expect(entityIdFor(PLACE, '+++')).toMatch(/^place:[0-9a-f]{10}$/);
  });

  it('gives the names of the Moscow/Beijing collision two ids', () => {
    expect(entityIdFor(PLACE, 'Москва')).not.toBe(entityIdFor(PLACE, '北京'));
  });

  it('cuts a long slug and keeps it apart from others that share its start', () => {
    const long = `${'Northern Border '.repeat(12)}Alpha`;
    const other = `${'Northern Border '.repeat(12)}Beta`;
    expect(entityIdFor(PLACE, long)).not.toBe(entityIdFor(PLACE, other));
    expect(entityIdFor(PLACE, long)).toMatch(/^place:northern-border-northern-border-.*-[0-9a-f]{10}$/);
  });

  it.each([
    ['Москва'], ['北京'], ['عربى'], ['🚀'], ['👩‍👩‍👧'], ['C++ Probe'], ['-'], ['x'.repeat(INPUT_LIMITS.nameLength)],
    ['東'.repeat(INPUT_LIMITS.nameLength)], ['Ærø'], ['ﬁsh & chips 100%'],
  ])('derives an id that passes the API id check from %p', (name) => {
    for (const kind of [EntityKind.PLACE, EntityKind.ORGANIZATION, EntityKind.EQUIPMENT]) {
      const id = entityIdFor(kind, name);
      expect(id).toMatch(ENTITY_ID_PATTERN);
      expect(id.length).toBeLessThanOrEqual(INPUT_LIMITS.idLength);
    }
  });

  it('derives the ids it always derived from names with nothing to transliterate (every name of the seed)', () => {
    for (const entity of SEED_ENTITIES) {
      expect(entityIdFor(entity.kind, entity.name)).toBe(`${entity.kind.toLowerCase()}:${slugify(entity.name)}`);
    }
  });
});

describe('names', () => {
  it('normalises to NFC and trims', () => {
    expect(normaliseName(' Cafe\u0301 ')).toBe('Caf\u00e9');
    expect(lookupKeyOf('CAFE\u0301')).toBe(lookupKeyOf('caf\u00e9'));
    expect(nameKeysOf('Caf\u00e9', ['CAFE\u0301', 'Bistro'])).toEqual(['caf\u00e9', 'bistro']);
  });

  it('gives names that differ in case, composition or look-alike letters a key in common', () => {
    const shared = (a: string, b: string) => skeletonKeysOf(a).some((key) => skeletonKeysOf(b).includes(key));
    expect(shared('Police', 'POLICE')).toBe(true);
    expect(shared('Police', ' P\u043elice')).toBe(true);
    // A Cyrillic capital М, whose small form "м" looks like no "m": the name as written shares the key.
    expect(shared('Mounties', '\u041c\u043eunties')).toBe(true);
    expect(shared('RCMP', 'R\u0421\u041cP')).toBe(true);
    expect(shared('Caf\u00e9', 'CAFE\u0301')).toBe(true);
    expect(shared('C Probe', 'C++ Probe')).toBe(false);
    expect(shared('Montreal', 'Montr\u00e9al')).toBe(false);
  });

  it('claims one key per entity and key, in key order', () => {
    const claims = nameClaimsOf([
      { id: 'organization:police', names: ['Police', 'POLICE', 'Cops'] },
      { id: 'place:canada', names: ['Canada'] },
    ]);
    expect(claims.map((claim) => [claim.entityId, claim.name, claim.key])).toEqual([
      ['place:canada', 'Canada', 'Canada'],
      ['organization:police', 'Cops', 'Cops'],
      ['organization:police', 'POLICE', 'POLlCE'],
      ['organization:police', 'Police', 'Police'],
      ['place:canada', 'Canada', 'canada'],
      ['organization:police', 'Cops', 'cops'],
      ['organization:police', 'Police', 'police'],
    ]);
  });

  it('gives no two entities of the seed one name key', () => {
    const claims = nameClaimsOf(SEED_ENTITIES.map((entity) => ({ id: entity.id, names: [entity.name, ...entity.aliases] })));
    const holders = new Map<string, string[]>();
    for (const claim of claims) holders.set(claim.key, [...(holders.get(claim.key) ?? []), claim.entityId]);
    expect([...holders].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });
});
