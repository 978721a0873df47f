import { describe, expect, it } from '@jest/globals';
import { decodeEvidence, encodeEvidence, parseRelationId, relationId } from './relation-id';

describe('relation ids', () => {
  it('round-trips the ends and type of a relation', () => {
    const id = relationId('person:mike-kelly', 'CO_CHAIRS', 'organization:northern-border-security-caucus');
    expect(id).toBe('person:mike-kelly-[CO_CHAIRS]->organization:northern-border-security-caucus');
    expect(parseRelationId(id)).toEqual({
      fromId: 'person:mike-kelly',
      type: 'CO_CHAIRS',
      toId: 'organization:northern-border-security-caucus',
    });
  });

  it.each([
    'organization:rcmp',
    'a-[KNOWS]->(x) DETACH DELETE x//',
    'person:a-[KNOWS]->(x) DETACH DELETE x//',
    'person:a-[knows]->place:b',
    'person:a-[KNOWS_]->place:b',
    'person:a-[KNOWS]->place:b\n',
    'Person:A-[KNOWS]->place:b',
  ])('rejects %p, which is not a relation id', (id) => {
    expect(parseRelationId(id)).toBeUndefined();
  });
});

describe('evidence encoding', () => {
  it('keeps quotes that contain the separator intact', () => {
    const encoded = encodeEvidence('article:a', 'one | two');
    expect(decodeEvidence(encoded)).toEqual({ articleId: 'article:a', quote: 'one | two' });
  });
});
