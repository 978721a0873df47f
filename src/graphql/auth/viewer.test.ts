import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../errors';
import { viewerFromAuthorization } from './viewer';

const keys = [
  { role: 'editor' as const, key: 'editor-key-0123456789' },
  { role: 'reader' as const, key: 'reader-key-0123456789' },
];

describe('viewerFromAuthorization', () => {
  it('is anonymous without a header', () => {
    expect(viewerFromAuthorization(undefined, keys)).toEqual({ role: 'anonymous' });
  });

  it('grants the role of a known key', () => {
    expect(viewerFromAuthorization('Bearer editor-key-0123456789', keys)).toEqual({ role: 'editor' });
    expect(viewerFromAuthorization('bearer reader-key-0123456789', keys)).toEqual({ role: 'reader' });
  });

  it.each(['Bearer nope', 'Basic abc', 'Bearer', 'editor-key-0123456789'])('rejects %p as UNAUTHENTICATED', (header) => {
    expect(() => viewerFromAuthorization(header, keys)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: ErrorCode.UNAUTHENTICATED }) }),
    );
  });
});
