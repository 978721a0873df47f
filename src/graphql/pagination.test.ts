import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../errors';
import { decodeCursor, encodeCursor, pageFromRows, toConnection, toPageRequest } from './pagination';

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
    expect(toPageRequest({ first: 0, after: encodeCursor('k') })).toEqual({ limit: 0, afterKey: 'k' });
  });

  it.each([101, -1, 2.5, 100000])('rejects first: %p naming the limit', (first) => {
    expect(() => toPageRequest({ first })).toThrow(expect.objectContaining({ message: expect.stringContaining('100') }));
  });
});

describe('toConnection', () => {
  it('tells whether a next page exists from the extra row', () => {
    const request = { limit: 2, afterKey: null };
    const rows = ['a', 'b', 'c'].map((key) => ({ sortKey: key, node: key }));
    const connection = toConnection(pageFromRows(rows, request, 3), request);
    expect(connection.edges.map((edge) => edge.node)).toEqual(['a', 'b']);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor('a'),
      endCursor: encodeCursor('b'),
    });
  });
});
