import { Neo4jError, error as driverErrors } from 'neo4j-driver';
import { BorderKgError, DatabaseTimeoutError, DatabaseUnavailableError } from '../errors';
import type { Logger } from '../config/logger';

const UNAVAILABLE_CODES = new Set<string>([
  driverErrors.SERVICE_UNAVAILABLE,
  driverErrors.SESSION_EXPIRED,
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/**
 * The one place that turns driver and server errors into client-facing ones. Errors that
 * already are ours (thrown inside a transaction's work) pass through; anything unrecognised
 * is returned unchanged, to be masked and logged by the GraphQL error formatter.
 */
export function mapNeo4jError(error: unknown, timeoutMs: number, log?: Logger): unknown {
  if (error instanceof BorderKgError) return error;
  if (!(error instanceof Neo4jError)) return error;
  if (error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new DatabaseTimeoutError(timeoutMs);
  }
  // A pool that cannot hand out a connection in time means the server is gone or saturated.
  if (UNAVAILABLE_CODES.has(error.code) || /acquisition timed out|connect ECONNREFUSED/i.test(error.message)) {
    log?.warn({ neo4jCode: error.code, message: error.message }, 'Neo4j unavailable');
    return new DatabaseUnavailableError();
  }
  return error;
}

/** A uniqueness constraint refused a write: another transaction wrote the same key first. */
export function isConstraintViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}
