import type { IncomingMessage } from 'node:http';
import { finished } from 'node:stream';
import { RequestBodyError } from './request-errors';

/** JSON's whitespace (RFC 7159), before the first character of a body. */
const FIRST_CHARACTER = /^[\x20\x09\x0a\x0d]*(.?)/s;

function tooLarge(limit: number): RequestBodyError {
  return new RequestBodyError(413, 'entity.too.large', 'request entity too large', limit);
}

/**
 * body-parser's strict JSON: an object or an array, and an empty body stands for an empty
 * object. Its UTF-8 decoder drops a byte order mark.
 */
function parseStrictJson(decoded: string): unknown {
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  if (text.length === 0) return {};
  const first = FIRST_CHARACTER.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw new RequestBodyError(400, 'entity.parse.failed', 'A JSON body must be an object or an array');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequestBodyError(400, 'entity.parse.failed', (error as Error).message);
  }
}

/**
 * Reads the body of a request whose media type is JSON in UTF-8 and that is not compressed, as
 * express.json({ limit }) reads it (body-parser 2 over raw-body), and refuses it with the
 * errors it raises, so that refuseRequest answers as it answers them: 413 over the limit (at
 * once when Content-Length says so), 400 for JSON that does not parse or is not an object or an
 * array, 400 when the client gives up sending. Node's HTTP parser already holds a body to its
 * Content-Length.
 *
 * A callback rather than a promise, as body-parser: when the request has already ended (the
 * client gave up), the refusal is written at once, before the response's close is logged.
 */
export function readJsonBody(request: IncomingMessage, limit: number, done: (error: Error | null, body?: unknown) => void): void {
  const chunks: Buffer[] = [];
  let received = 0;
  const stopReading = () => {
    request.off('data', onData);
    request.off('end', onEnd);
    request.off('aborted', onAborted);
    request.off('error', onError);
  };
  const refuse = (error: Error) => {
    stopReading();
    if (request.destroyed || request.readableEnded) {
      done(error);
      return;
    }
    // As body-parser does, the rest of the body is read off before the answer: a client
    // still sending would otherwise see the connection reset instead of the answer.
    request.resume();
    finished(request, () => done(error));
  };
  function onData(chunk: Buffer) {
    received += chunk.length;
    if (received > limit) refuse(tooLarge(limit));
    else chunks.push(chunk);
  }
  function onEnd() {
    stopReading();
    let body: unknown;
    try {
      body = parseStrictJson(Buffer.concat(chunks, received).toString('utf8'));
    } catch (error) {
      done(error as Error);
      return;
    }
    done(null, body);
  }
  function onAborted() {
    refuse(new RequestBodyError(400, 'request.aborted', 'request aborted'));
  }
  function onError(error: Error) {
    refuse(error);
  }

  if (Number(request.headers['content-length']) > limit) {
    refuse(tooLarge(limit));
    return;
  }
  request.on('data', onData);
  request.on('end', onEnd);
  request.on('aborted', onAborted);
  request.on('error', onError);
}
