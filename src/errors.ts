import { GraphQLError } from 'graphql';

/**
 * The stable codes clients branch on, sent as `extensions.code`. Renaming one breaks clients:
 * add new codes, never change old ones.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** The HTTP request itself is unusable: malformed JSON, too large, not a GraphQL request. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The operation exceeds a query limit (depth, aliases, tokens, directives, cost); extensions name it. */
  QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  DATABASE_TIMEOUT = 'DATABASE_TIMEOUT',
  /** A fair-use budget of the client (query cost, writes) is spent for this window: 429 with Retry-After. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** Too many heavy operations are running and waiting: 503 with Retry-After. */
  SERVER_BUSY = 'SERVER_BUSY',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** The base of every error a client may see; anything else is masked as INTERNAL_SERVER_ERROR. */
export class BorderKgError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends BorderKgError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, extensions);
  }
}

/** The limits of src/graphql/limits/, as named in `extensions.limit` and in the configuration. */
export type QueryLimit = 'depth' | 'aliases' | 'tokens' | 'directives' | 'cost';

/**
 * An operation over one of the query limits: refused before anything runs, with the limit's
 * name and value in the extensions so a client can tell which one to stay under.
 */
export class QueryLimitError extends BorderKgError {
  constructor(limit: QueryLimit, maximum: number, message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.QUERY_LIMIT_EXCEEDED, message, { ...extensions, limit, maximum, http: { status: 400 } });
  }
}

export class NotFoundError extends BorderKgError {
  constructor(what: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${what} "${id}" does not exist`, { id });
  }
}

export class UnauthenticatedError extends BorderKgError {
  constructor(
    message = 'This operation needs credentials: send Authorization: Bearer <key>',
    extensions: Record<string, unknown> = {},
  ) {
    super(ErrorCode.UNAUTHENTICATED, message, extensions);
  }
}

export class ForbiddenError extends BorderKgError {
  constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class DatabaseUnavailableError extends BorderKgError {
  constructor() {
    super(ErrorCode.DATABASE_UNAVAILABLE, 'The database is unavailable; retry shortly');
  }
}

export class DatabaseTimeoutError extends BorderKgError {
  constructor(timeoutMs: number) {
    super(ErrorCode.DATABASE_TIMEOUT, `The query took longer than the ${timeoutMs} ms limit`, { timeoutMs });
  }
}

/** Sets the status and Retry-After of the answer (Apollo reads `http` from the error; formatError drops it). */
function retryLater(status: number, retryAfterSeconds: number) {
  return { status, headers: new Map([['retry-after', String(retryAfterSeconds)]]) };
}

/** The fair-use budgets of src/graphql/plugins/fair-use/, as named in `extensions.resource` and X-RateLimit-Resource. */
export type BudgetResource = 'cost' | 'writes';

/** The client's budget for this window cannot pay for the operation; nothing of it ran. */
export class RateLimitedError extends BorderKgError {
  constructor(message: string, retryAfterSeconds: number, extensions: { resource: BudgetResource; limit: number; remaining: number; requested: number }) {
    super(ErrorCode.RATE_LIMITED, message, { ...extensions, retryAfterSeconds, http: retryLater(429, retryAfterSeconds) });
  }
}

/** Why a heavy operation was not run: the queue of heavy operations was full, or it waited too long in it. */
export type BusyReason = 'QUEUE_FULL' | 'QUEUE_TIMEOUT';

export class ServerBusyError extends BorderKgError {
  constructor(message: string, retryAfterSeconds: number, extensions: { reason: BusyReason; cost: number; heavyCost: number }) {
    super(ErrorCode.SERVER_BUSY, message, { ...extensions, retryAfterSeconds, http: retryLater(503, retryAfterSeconds) });
  }
}
