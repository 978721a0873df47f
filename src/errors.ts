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
