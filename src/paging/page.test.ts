import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../errors';
import { decodeCursor, encodeCursor, mapPage, pageFromRows, toPageRequest } from './page';

const badInput = expect.objectContaining({ extensions: expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }) });

describe('cursors', () => {
  it('round-trip a sort key', () => {
    expect(decodeCursor(encodeCursor('CITES|in|article:a'))).toBe('CITES|in|article:a');
  });

  it.each(['', 'abc', 'djE6', Buffer.from('v2:key').toString('base64url'), encodeCursor('key') + '='])(
    'reject %p as BAD_USER_INPUT',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(badInput);
    },
  );
});

describe('toPageRequest', () => {
  it('defaults first and decodes after', () => {
    expect(toPageRequest({})).toEqual({ limit: 20, afterKey: null });
    expect(toPageRequest({ first: null }, 10)).toEqual({ limit: 10, afterKey: null });
    expect(toPageRequest({ first: 0, after: encodeCursor('k') })).toEqual({ limit: 0, afterKey: 'k' });
  });
});

describe('pageFromRows', () => {
  it('keeps the page and tells whether a next page exists from the extra row', () => {
    const rows = ['a', 'b', 'c'].map((key) => ({ sortKey: key, node: key }));
    const page = pageFromRows(rows, { limit: 2, afterKey: null }, 3);
    expect(page).toEqual({ items: rows.slice(0, 2), hasNextPage: true, totalCount: 3 });
    expect(mapPage(page, (node) => node.toUpperCase()).items.map((item) => item.node)).toEqual(['A', 'B']);
  });
});
