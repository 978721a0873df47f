import { describe, expect, it } from '@jest/globals';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { createLogger } from '../config/logger';
import { createRequestLog, REDACTED, requestLogSerializer } from './request-log';

const KEY = 'editor-key-0123456789';
const serialize = requestLogSerializer([KEY]);

describe('requestLogSerializer', () => {
  it('redacts headers named like a credential, and any header holding a configured key', () => {
    const { headers } = serialize({
      headers: { authorization: 'Bearer x', 'x-api-key': 'whatever', cookie: 'a=b', 'x-forwarded-note': `sent ${KEY}`, accept: 'application/json' },
    });
    expect(headers).toEqual({ authorization: REDACTED, 'x-api-key': REDACTED, cookie: REDACTED, 'x-forwarded-note': REDACTED, accept: 'application/json' });
  });

  it('redacts query parameters by name and by value, keeping the others as the client wrote them', () => {
    const logged = serialize({
      url: `/graphql?query=%7B%20__typename%20%7D&api_key=abc&apikey=def&access_token=ghi&key=jkl&other=${encodeURIComponent(KEY)}`,
      query: { query: '{ __typename }', api_key: 'abc', other: KEY },
    });
    expect(logged.url).toBe(`/graphql?query=%7B%20__typename%20%7D&api_key=${REDACTED}&apikey=${REDACTED}&access_token=${REDACTED}&key=${REDACTED}&other=${REDACTED}`);
    expect(logged.query).toEqual({ query: '{ __typename }', api_key: REDACTED, other: REDACTED });
  });

  it('redacts a configured key anywhere in the path', () => {
    expect(serialize({ url: `/graphql/${KEY}` }).url).toBe(`/graphql/${REDACTED}`);
  });
});

describe('createRequestLog, for requests answered without Express', () => {
  function exchange() {
    const request = new IncomingMessage(new Socket());
    request.method = 'POST';
    request.url = `/graphql?api_key=${KEY}`;
    request.headers = { 'content-type': 'application/json', 'x-request-id': 'given-id' };
    return { request, response: new ServerResponse(request) };
  }

  it('at level silent (the benchmark\'s) gives a request its id, but neither serialises it nor watches its response', () => {
    const { request, response } = exchange();
    const watchers = response.listenerCount('finish');
    const { id, log } = createRequestLog(createLogger('silent'), [KEY]).begin(request, response);
    expect(id).toBe('given-id');
    expect(response.getHeader('x-request-id')).toBe('given-id');
    expect(log.bindings()).not.toHaveProperty('req');
    expect(response.listenerCount('finish')).toBe(watchers);
  });

  it('at level info binds the request as Express shows it, redacted, and watches for its completion', () => {
    const { request, response } = exchange();
    const watchers = response.listenerCount('finish');
    const { log } = createRequestLog(createLogger('info'), [KEY]).begin(request, response);
    expect(log.bindings().req).toEqual({
      id: 'given-id',
      method: 'POST',
      url: `/graphql?api_key=${REDACTED}`,
      query: { api_key: REDACTED },
      params: {},
      headers: { 'content-type': 'application/json', 'x-request-id': 'given-id' },
    });
    expect(response.listenerCount('finish')).toBe(watchers + 1);
  });
});
