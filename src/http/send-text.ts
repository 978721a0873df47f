import type { IncomingMessage, ServerResponse } from 'node:http';
import contentType from 'content-type';
import etag from 'etag';

/** Express's res.send marks every text it sends as UTF-8, whatever the media type said. */
function withUtf8Charset(mediaType: string): string {
  const parsed = contentType.parse(mediaType);
  parsed.parameters.charset = 'utf-8';
  return contentType.format(parsed);
}

/**
 * Ends a response with a text, as Express's res.send ends it, so that an answer written
 * without Express (src/http/graphql-post.ts) is the one Express writes: the media type already
 * set (HTML when none is) with charset=utf-8, Content-Length, Express's default weak ETag, and no
 * body for HEAD.
 */
export function sendText(request: IncomingMessage, response: ServerResponse, text: string): void {
  const mediaType = response.getHeader('content-type');
  response.setHeader('Content-Type', withUtf8Charset(typeof mediaType === 'string' ? mediaType : 'text/html'));
  const body = Buffer.from(text, 'utf8');
  response.setHeader('Content-Length', String(body.length));
  if (!response.hasHeader('ETag')) response.setHeader('ETag', etag(body, { weak: true }));
  if (request.method === 'HEAD') response.end();
  else response.end(body);
}
