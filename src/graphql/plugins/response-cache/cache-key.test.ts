import { describe, expect, it } from '@jest/globals';
import { canonicalJson, responseCacheKey, type CacheKeyParts } from './cache-key';

const QUERY_HASH = 'a'.repeat(64);
const parts = (overrides: Partial<CacheKeyParts> = {}): CacheKeyParts => ({
  queryHash: QUERY_HASH,
  operationName: 'Entity',
  variables: { id: 'place:canada', first: 20 },
  role: 'anonymous',
  ...overrides,
});

describe('canonicalJson', () => {
  it("writes every object's members in one order, however they were given, at every depth", () => {
    const one = { b: 2, a: { y: [1, { d: 4, c: 3 }], x: null } };
    const other = { a: { x: null, y: [1, { c: 3, d: 4 }] }, b: 2 };
    expect(canonicalJson(one)).toBe('{"a":{"x":null,"y":[1,{"c":3,"d":4}]},"b":2}');
    expect(canonicalJson(other)).toBe(canonicalJson(one));
  });

  it("keeps an array's order, which is meaning", () => {
    expect(canonicalJson(['PERSON', 'PLACE'])).not.toBe(canonicalJson(['PLACE', 'PERSON']));
  });

  it('reads as JSON.stringify does for what JSON cannot hold, and escapes names and strings', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson({ 'x"y': 'a"b' })).toBe('{"x\\"y":"a\\"b"}');
    expect(JSON.parse(canonicalJson({ z: 'ü', a: [true, 1.5, -0] }))).toEqual({ a: [true, 1.5, 0], z: 'ü' });
  });
});

describe('responseCacheKey', () => {
  it('is the same for the same variables given in another order', () => {
    expect(responseCacheKey(parts({ variables: { first: 20, id: 'place:canada' } }))).toBe(responseCacheKey(parts()));
  });

  it('reads no variables as empty ones', () => {
    expect(responseCacheKey(parts({ variables: undefined }))).toBe(responseCacheKey(parts({ variables: {} })));
  });

  it('tells apart the role, the document, the operation and the variables', () => {
    const key = responseCacheKey(parts());
    const others = [
      parts({ role: 'reader' }),
      parts({ role: 'editor' }),
      parts({ queryHash: 'b'.repeat(64) }),
      parts({ operationName: 'Other' }),
      parts({ operationName: null }),
      parts({ variables: { id: 'place:canada', first: 21 } }),
      parts({ variables: { id: 'place:canada' } }),
    ].map(responseCacheKey);
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });

  it('cannot be confused by a variable that looks like another part', () => {
    const sneaky = responseCacheKey(parts({ operationName: null, variables: { role: 'editor' } }));
    expect(sneaky).not.toBe(responseCacheKey(parts({ operationName: null, role: 'editor', variables: {} })));
  });

  it('is a digest: nothing of the request is kept in it as it was sent', () => {
    expect(responseCacheKey(parts({ variables: { secret: 'editor-key-for-tests-0001' } }))).toMatch(/^[0-9a-f]{64}$/);
  });
});
