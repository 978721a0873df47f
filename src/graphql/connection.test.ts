import { describe, expect, it } from '@jest/globals';
import { validateSync } from 'class-validator';
import { encodeCursor, pageFromRows } from '../paging';
import { PageArgs, toConnection } from './connection';

describe('PageArgs', () => {
  const errorsFor = (first: number | null) => validateSync(Object.assign(new PageArgs(), { first }));

  it.each([101, -1, 2.5, 100000])('rejects first: %p naming the argument and its limit', (first) => {
    const [error] = errorsFor(first);
    expect(Object.values(error!.constraints!)).toEqual([`"first" must be between 0 and 100, got ${first}`]);
    expect(Object.values(error!.contexts!)).toEqual([{ argumentName: 'first', limit: 100 }]);
  });

  it.each([0, 20, 100, null])('accepts first: %p', (first) => {
    expect(errorsFor(first)).toEqual([]);
  });
});

describe('toConnection', () => {
  it('tells whether a next page exists from the extra row', () => {
    const request = { limit: 2, afterKey: null };
    const rows = ['a', 'b', 'c'].map((key) => ({ sortKey: key, node: key }));
    const connection = toConnection(pageFromRows(rows, request, 3), request);
    expect(connection.edges.map((edge) => edge.node)).toEqual(['a', 'b']);
    expect(connection.edges.map((edge) => edge.cursor)).toEqual([encodeCursor('a'), encodeCursor('b')]);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor('a'),
      endCursor: encodeCursor('b'),
    });
  });
});
