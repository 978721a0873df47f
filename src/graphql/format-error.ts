import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { BorderKgError, ErrorCode } from '../errors';
import { asTokenLimitError } from './limits/query-limits';

interface FieldFailure {
  field: string;
  messages: string[];
  /** What a rule adds for clients, e.g. IsIntInRange's `argumentName` and `limit`. */
  context?: Record<string, unknown>;
}

/** Field-level messages of class-validator, flattened to "input.name: must be shorter than ...". */
function validationFailures(errors: ValidationError[], prefix = ''): FieldFailure[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const context = Object.values(error.contexts ?? {})[0] as Record<string, unknown> | undefined;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints), ...(context ? { context } : {}) }] : [];
    return [...own, ...validationFailures(error.children ?? [], field)];
  });
}

/**
 * Our error behind what graphql-js and Apollo hand over: a resolver's error is wrapped with its
 * path, a validation rule's in Apollo's ValidationError (whose code would hide ours), and the
 * token limit surfaces as a parse error.
 */
function borderKgErrorIn(error: unknown): BorderKgError | undefined {
  const original = unwrapResolverError(error);
  if (original instanceof BorderKgError) return original;
  if (original instanceof GraphQLError && original.originalError instanceof BorderKgError) return original.originalError;
  return asTokenLimitError(original);
}

/**
 * True for errors a client should see: ours, and the request errors graphql-js and Apollo
 * raise themselves (parse, validation, variable coercion). A GraphQLError wrapping some other
 * thrown error is an internal failure and is masked.
 */
export function isClientSafe(error: unknown): boolean {
  if (error instanceof BorderKgError || error instanceof ArgumentValidationError) return true;
  if (!(error instanceof GraphQLError)) return false;
  const code = error.extensions?.code;
  const wrapsForeignError = error.originalError !== undefined && !(error.originalError instanceof GraphQLError);
  return typeof code === 'string' && code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR && !wrapsForeignError;
}

/**
 * The one normaliser of errors sent to clients. It never throws, never sends a stack trace,
 * and turns anything unexpected into INTERNAL_SERVER_ERROR (logged with the request id by the
 * error-logging plugin).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const { locations, path } = formatted;
  if (original instanceof ArgumentValidationError) {
    const failures = validationFailures(original.extensions.validationErrors);
    const fields = failures.map(({ field, messages }) => ({ field, messages }));
    const [only] = failures;
    // One argument out of its range reads as that argument's own message, naming it and its range.
    if (failures.length === 1 && only?.context) {
      return { message: only.messages[0]!, locations, path, extensions: { code: ErrorCode.BAD_USER_INPUT, ...only.context, fields } };
    }
    const summary = fields.map((field) => `${field.field}: ${field.messages.join(', ')}`).join('; ');
    return { message: `Invalid input: ${summary}`, locations, path, extensions: { code: ErrorCode.BAD_USER_INPUT, fields } };
  }
  const ours = borderKgErrorIn(error);
  if (ours) {
    // `http` sets the response status (Apollo reads it before formatting); it is not for clients.
    const { http: _http, ...extensions } = ours.extensions;
    return { message: ours.message, locations, path, extensions };
  }
  if (isClientSafe(original) || isClientSafe(error)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: 'Internal server error', locations, path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
