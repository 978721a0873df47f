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
    expect(viewerFromAuthorization('Bearer editor-key-0123456789', keys)).toEqual({ role: 'editor', keyId: expect.stringMatching(/^key:[0-9a-f]{12}$/) });
    expect(viewerFromAuthorization('bearer reader-key-0123456789', keys)).toEqual({ role: 'reader', keyId: expect.stringMatching(/^key:[0-9a-f]{12}$/) });
  });

  it('names the key by a fingerprint that differs between keys and never contains the key', () => {
    const editor = viewerFromAuthorization('Bearer editor-key-0123456789', keys).keyId!;
    expect(editor).toBe(viewerFromAuthorization('Bearer editor-key-0123456789', keys).keyId);
    expect(editor).not.toBe(viewerFromAuthorization('Bearer reader-key-0123456789', keys).keyId);
    expect(editor).not.toContain('editor-key');
  });

  it.each(['Bearer nope', 'Basic abc', 'Bearer', 'editor-key-0123456789'])('rejects %p as UNAUTHENTICATED', (header) => {
    expect(() => viewerFromAuthorization(header, keys)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: ErrorCode.UNAUTHENTICATED }) }),
    );
  });
});
