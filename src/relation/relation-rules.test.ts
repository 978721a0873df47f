import { describe, expect, it } from '@jest/globals';
import { CURATED_RELATION_TYPES, DERIVED_RELATION_TYPES, relationTypeDefinition, type RelationTypeDefinition } from '../ontology';
import { selfLoopRefusal, unlinkRefusal } from './relation-rules';

describe('unlinkRefusal', () => {
  it.each([...DERIVED_RELATION_TYPES])('refuses the derived type %s', (type) => {
    expect(unlinkRefusal(type)).toMatchObject({ reason: 'DERIVED_RELATION', message: expect.stringContaining(`${type} links are derived`) });
  });

  it('refuses MENTIONS, which no RelationTypeDefinition describes, as derived from the sentences', () => {
    expect(relationTypeDefinition('MENTIONS')).toBeUndefined();
    expect(unlinkRefusal('MENTIONS')).toEqual({
      reason: 'DERIVED_RELATION',
      message: 'MENTIONS links are derived from the sentences that name an entity, not curated, and cannot be unlinked: change what they are derived from',
    });
  });

  it.each(['KNOWS', 'SAID', 'CHANGED', 'QUOTED_IN'])('refuses %s, which is no relation type of the ontology', (type) => {
    expect(unlinkRefusal(type)).toMatchObject({ reason: 'UNKNOWN_RELATION_TYPE' });
  });

  it.each(CURATED_RELATION_TYPES.map((definition) => definition.type))('lets the curated type %s be unlinked', (type) => {
    expect(unlinkRefusal(type)).toBeNull();
  });
});

describe('selfLoopRefusal', () => {
  const borders = relationTypeDefinition('BORDERS')!;

  it('refuses an entity at both ends of a type without a reflexive meaning', () => {
    expect(selfLoopRefusal(borders, 'place:canada', 'place:canada')).toEqual({
      reason: 'SELF_LOOP',
      message: '"place:canada" cannot BORDERS itself: a BORDERS link joins two different entities',
    });
  });

  it('lets two different entities be linked', () => {
    expect(selfLoopRefusal(borders, 'place:canada', 'place:united-states')).toBeNull();
  });

  it('lets a reflexive type join an entity to itself', () => {
    const reflexive: RelationTypeDefinition = { ...borders, type: 'RESEMBLES', reflexive: true };
    expect(selfLoopRefusal(reflexive, 'place:canada', 'place:canada')).toBeNull();
  });
});
