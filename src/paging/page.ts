import { BadUserInputError } from '../errors';

/**
 * Pages of anything, persistence-neutral: repositories return a Page, the GraphQL layer turns
 * it into a Relay connection (src/graphql/connection.ts). Ranges of page sizes are checked on
 * the argument classes (PageArgs), before a request reaches this module.
 */

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
const CURSOR_PREFIX = 'v1:';

/**
 * Cursors are opaque to clients but are keyset positions for us: the sort key of the last item
 * seen. Unlike offsets they stay valid when items are added before them, and they let Neo4j
 * start from an index position instead of skipping rows.
 */
export function encodeCursor(sortKey: string): string {
  return Buffer.from(CURSOR_PREFIX + sortKey, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const sortKey = decoded.slice(CURSOR_PREFIX.length);
  // Re-encoding must give the same text: rejects foreign base64 that happens to decode.
  if (!decoded.startsWith(CURSOR_PREFIX) || sortKey === '' || encodeCursor(sortKey) !== cursor) {
    throw new BadUserInputError(`Invalid cursor "${cursor}": pass an endCursor this API returned`, {
      argumentName: 'after',
    });
  }
  return sortKey;
}

/** A page request: `limit` items after the position `afterKey`. */
export interface PageRequest {
  limit: number;
  afterKey: string | null;
}

/** A page request from a page size (already range-checked) and a client's cursor. */
export function toPageRequest(args: { first?: number | null; after?: string | null }, defaultSize = DEFAULT_PAGE_SIZE): PageRequest {
  return { limit: args.first ?? defaultSize, afterKey: args.after ? decodeCursor(args.after) : null };
}

/**
 * One page as repositories return it: items in order, each with its sort key, and the size of
 * the whole list, or null where it was not counted because the operation does not read it.
 */
export interface Page<T> {
  items: { sortKey: string; node: T }[];
  hasNextPage: boolean;
  totalCount: number | null;
}

/** Repositories fetch limit + 1 rows: the extra one only tells whether a next page exists. */
export function pageFromRows<T>(rows: { sortKey: string; node: T }[], request: PageRequest, totalCount: number | null): Page<T> {
  return { items: rows.slice(0, request.limit), hasNextPage: rows.length > request.limit, totalCount };
}

/** The same page with each item's node replaced, e.g. a relation and its other end -> the relation. */
export function mapPage<T, U>(page: Page<T>, map: (node: T) => U): Page<U> {
  return { ...page, items: page.items.map((item) => ({ sortKey: item.sortKey, node: map(item.node) })) };
}
