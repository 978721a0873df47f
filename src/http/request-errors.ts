import type { IncomingMessage, ServerResponse } from 'node:http';
import accepts from 'accepts';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../config/logger';
import { ErrorCode } from '../errors';
import { sendText } from './send-text';

/** What body-parser (express.json) sets on the errors it raises: an HTTP status and a kind. */
interface BodyParserError extends Error {
  status: number;
  type: string;
  /** Bytes, on entity.too.large. */
  limit?: number;
}

/**
 * An error reading a request body without Express (src/http/request-body.ts), shaped as
 * body-parser's so that it is answered as the same error raised by express.json().
 */
export class RequestBodyError extends Error implements BodyParserError {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly limit?: number,
  ) {
    super(message);
  }
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
 * Answers an error raised before Apollo saw a request (malformed JSON, a body over the size
 * limit) or anything a route threw: in GraphQL's error shape with a stable code, never
 * Express's HTML page, which shows a stack trace outside production.
 */
export function refuseRequest(
  error: unknown,
  request: IncomingMessage,
  response: ServerResponse,
  log: Logger,
  onRefused: (code: ErrorCode) => void,
): void {
  const clientError = isBodyParserError(error) && error.status >= 400 && error.status < 500;
  const code = clientError ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR;
  if (!clientError) log.error({ err: error }, 'Unexpected error in an HTTP route');
  onRefused(code);
  response.statusCode = clientError ? error.status : 500;
  // The media type Apollo would have answered with, as the client's Accept header prefers.
  response.setHeader('Content-Type', accepts(request).types('application/json', 'application/graphql-response+json') || 'application/json');
  sendText(
    request,
    response,
    JSON.stringify({ errors: [{ message: clientError ? messageFor(error) : 'Internal server error', extensions: { code } }] }),
  );
}

/** refuseRequest as Express's last error handler. */
export function requestErrorHandler(onRefused: (code: ErrorCode) => void): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    refuseRequest(error, request, response, request.log, onRefused);
  };
}
