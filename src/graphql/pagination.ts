import { Field, ObjectType, Int, ArgsType, type ClassType } from 'type-graphql';
import { BadUserInputError } from '../errors';

export const MAX_PAGE_SIZE = 100;
const CURSOR_PREFIX = 'v1:';

@ObjectType({ description: 'Where a page stands in its connection (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'True when more items follow the last edge of this page.' })
  hasNextPage: boolean;

  @Field({ description: 'True when items precede the first edge (this page was asked for with `after`).' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of this page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge: pass it as `after` for the next page.' })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: `Page size, 0 to ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

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

/** A validated page request: `limit` items after the position `afterKey`. */
export interface PageRequest {
  limit: number;
  afterKey: string | null;
}

export function toPageRequest(
  args: { first?: number | null; after?: string | null },
  defaultSize = 20,
  maxSize = MAX_PAGE_SIZE,
): PageRequest {
  const limit = args.first ?? defaultSize;
  if (!Number.isInteger(limit) || limit < 0 || limit > maxSize) {
    throw new BadUserInputError(`"first" must be between 0 and ${maxSize}, got ${limit}`, {
      argumentName: 'first',
      limit: maxSize,
    });
  }
  return { limit, afterKey: args.after ? decodeCursor(args.after) : null };
}

/** One page as repositories return it: items in order, each with its sort key. */
export interface Page<T> {
  items: { sortKey: string; node: T }[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Repositories fetch limit + 1 rows: the extra one only tells whether a next page exists. */
export function pageFromRows<T>(rows: { sortKey: string; node: T }[], request: PageRequest, totalCount: number): Page<T> {
  return { items: rows.slice(0, request.limit), hasNextPage: rows.length > request.limit, totalCount };
}

export function toConnection<T>(page: Page<T>, request: PageRequest): Connection<T> {
  const edges = page.items.map((item) => ({ cursor: encodeCursor(item.sortKey), node: item.node }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: request.afterKey !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** The Edge and Connection object types of a node type, named as the contract names them. */
export function connectionTypes<TNode extends object>(name: string, nodeType: () => ClassType<TNode> | Function) {
  @ObjectType(`${name}Edge`, { description: `An edge of a ${name}Connection.` })
  class Edge {
    @Field({ description: 'Opaque position of this edge; pass it as `after` to continue from here.' })
    cursor: string;

    @Field(nodeType as () => ClassType<TNode>, { description: `The ${name.toLowerCase()} at this edge.` })
    node: TNode;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name.toLowerCase()} items, in a stable order.` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The items of this page, each with its cursor.' })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Where this page stands, and the cursor to continue from.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items the whole connection holds, across all pages.' })
    totalCount: number;
  }

  return { Edge, Connection: ConnectionType };
}
