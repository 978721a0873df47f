import { describe, expect, it } from '@jest/globals';
import { answerBytes, ResponseStore, type ResponseStoreOptions } from './response-store';

const KEY = 'k'.repeat(64);
const keyOf = (index: number) => String(index).padStart(64, '0');

function storeWith(options: Partial<ResponseStoreOptions> = {}) {
  let now = 0;
  const store = new ResponseStore({ maxBytes: 1_000_000, maxEntries: 100, maxAgeSeconds: 0, now: () => now, ...options });
  return { store, advance: (ms: number) => (now += ms) };
}

describe('ResponseStore', () => {
  it('serves an answer kept under the current version', () => {
    const { store } = storeWith();
    expect(store.get(KEY)).toBeUndefined();
    expect(store.set(KEY, '{"a":1}', store.version, store.clock())).toBe('stored');
    expect(store.get(KEY)).toBe('{"a":1}');
    expect(store.entries).toBe(1);
    expect(store.bytes).toBe(answerBytes(KEY, '{"a":1}'));
  });

  it('serves nothing read before a write once the write has ended, and frees its memory', () => {
    const { store } = storeWith();
    store.set(KEY, '{"a":1}', store.version, store.clock());
    store.invalidate();
    expect(store.get(KEY)).toBeUndefined();
    expect(store.entries).toBe(0);
    expect(store.bytes).toBe(0);
  });

  it('does not keep an answer whose reading began before a write that ended since', () => {
    const { store } = storeWith();
    const version = store.version;
    store.invalidate();
    expect(store.set(KEY, '{"before":"the write"}', version, store.clock())).toBe('stale');
    expect(store.get(KEY)).toBeUndefined();
    // Read again after the write: kept.
    expect(store.set(KEY, '{"after":"the write"}', store.version, store.clock())).toBe('stored');
    expect(store.get(KEY)).toBe('{"after":"the write"}');
  });

  it('holds at most maxEntries answers, the least recently used going first', () => {
    const { store } = storeWith({ maxEntries: 3 });
    for (const index of [1, 2, 3]) store.set(keyOf(index), `{"n":${index}}`, store.version, store.clock());
    store.get(keyOf(1));
    store.set(keyOf(4), '{"n":4}', store.version, store.clock());
    expect(store.entries).toBe(3);
    expect(store.get(keyOf(2))).toBeUndefined();
    expect([1, 3, 4].map((index) => store.get(keyOf(index)))).toEqual(['{"n":1}', '{"n":3}', '{"n":4}']);
  });

  it('holds at most maxBytes of answers, the least recently used going first', () => {
    const json = JSON.stringify({ text: 'x'.repeat(736) });
    const bytes = answerBytes(keyOf(0), json);
    expect(bytes).toBe(64 + 747 + 200);
    const { store } = storeWith({ maxBytes: bytes * 10 + 5 });
    for (let index = 0; index < 25; index++) store.set(keyOf(index), json, store.version, store.clock());
    expect(store.entries).toBe(10);
    expect(store.bytes).toBeLessThanOrEqual(bytes * 10 + 5);
    expect(store.get(keyOf(14))).toBeUndefined();
    expect(store.get(keyOf(24))).toBe(json);
  });

  it('keeps no answer larger than a tenth of maxBytes, so that one cannot empty the store', () => {
    const { store } = storeWith({ maxBytes: 10_000 });
    store.set(keyOf(1), '{"small":true}', store.version, store.clock());
    expect(store.set(KEY, JSON.stringify({ text: 'x'.repeat(800) }), store.version, store.clock())).toBe('too_large');
    expect(store.get(KEY)).toBeUndefined();
    expect(store.get(keyOf(1))).toBe('{"small":true}');
  });

  it('counts two bytes a character for text beyond Latin-1, as V8 holds it', () => {
    expect(answerBytes('', '"é"')).toBe(3 + 200);
    expect(answerBytes('', '"Δ"')).toBe(6 + 200);
  });

  it('serves an answer for at most maxAgeSeconds after its reading began', () => {
    const { store, advance } = storeWith({ maxAgeSeconds: 60 });
    const readAt = store.clock();
    advance(2_000);
    store.set(KEY, '{"a":1}', store.version, readAt);
    advance(57_999);
    expect(store.get(KEY)).toBe('{"a":1}');
    advance(2);
    expect(store.get(KEY)).toBeUndefined();
    expect(store.entries).toBe(0);
  });

  it('serves an answer until the next write when maxAgeSeconds is 0', () => {
    const { store, advance } = storeWith({ maxAgeSeconds: 0 });
    store.set(KEY, '{"a":1}', store.version, store.clock());
    advance(365 * 24 * 3600 * 1000);
    expect(store.get(KEY)).toBe('{"a":1}');
  });
});
