import { describe, expect, it } from '@jest/globals';
import { REDACTED, requestLogSerializer } from './request-log';

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
