import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '../errors';

/** What body-parser (express.json) sets on the errors it raises: an HTTP status and a kind. */
interface BodyParserError extends Error {
  status: number;
  type: string;
  /** Bytes, on entity.too.large. */
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return error instanceof Error && typeof (error as Partial<BodyParserError>).status === 'number' && 'type' in error;
}

function messageFor(error: BodyParserError): string {
  switch (error.type) {
    case 'entity.parse.failed':
      return 'The request body is not valid JSON';
    case 'entity.too.large':
      return `The request body is larger than the limit of ${error.limit} bytes`;
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return 'The request body must be UTF-8 JSON';
    default:
      return 'The request body could not be read';
  }
}

/**
 * Errors raised before Apollo sees a request (malformed JSON, a body over the size limit) and
 * anything a route throws: answered in GraphQL's error shape with a stable code, never
 * Express's HTML page, which shows a stack trace outside production.
 */
export function requestErrorHandler(onRefused: (code: ErrorCode) => void): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const clientError = isBodyParserError(error) && error.status >= 400 && error.status < 500;
    const code = clientError ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR;
    if (!clientError) request.log.error({ err: error }, 'Unexpected error in an HTTP route');
    onRefused(code);
    response
      .status(clientError ? error.status : 500)
      // The media type Apollo would have answered with, as the client's Accept header prefers.
      .type(request.accepts('application/json', 'application/graphql-response+json') || 'application/json')
      .send(
        JSON.stringify({
          errors: [{ message: clientError ? messageFor(error) : 'Internal server error', extensions: { code } }],
        }),
      );
  };
}
