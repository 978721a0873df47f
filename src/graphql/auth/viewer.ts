import { createHash, timingSafeEqual } from 'node:crypto';
import { UnauthenticatedError } from '../../errors';

export type Role = 'reader' | 'editor';

/**
 * Who is asking: the role their API key grants, or anonymous. A request with bad credentials
 * is anonymous and carries the error, which is raised as soon as it touches a root field, so
 * that it answers in GraphQL's shape rather than as a failed context.
 */
export interface Viewer {
  role: Role | 'anonymous';
  /**
   * Names the key that asked, for what its writes record (a reviewed proposal says who accepted
   * it): "key:" and the first 12 hex digits of the key's SHA-256, which identify a key among
   * the configured ones without revealing it.
   */
  keyId?: string;
  credentialError?: UnauthenticatedError;
}

export interface ApiKey {
  role: Role;
  key: string;
}

/** Equal-length digests, so the comparison takes the same time whatever the key's length. */
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * The configured keys with their digests, worked out once per list of keys rather than for every
 * request: the list is the configuration's, made at start and never changed.
 */
const digestedKeyLists = new WeakMap<readonly ApiKey[], { role: Role; digest: Buffer }[]>();

function digestedKeys(keys: readonly ApiKey[]): { role: Role; digest: Buffer }[] {
  let digested = digestedKeyLists.get(keys);
  if (!digested) {
    digested = keys.map(({ role, key }) => ({ role, digest: digest(key) }));
    digestedKeyLists.set(keys, digested);
  }
  return digested;
}

/**
 * Resolves the Authorization header to a viewer. Every configured key is compared, in
 * constant time, so timing reveals neither which key nor how much of it matched. The key
 * itself is never logged (pino redacts the header).
 */
export function viewerFor(header: string | undefined, keys: readonly ApiKey[]): Viewer {
  try {
    return viewerFromAuthorization(header, keys);
  } catch (error) {
    if (error instanceof UnauthenticatedError) return { role: 'anonymous', credentialError: error };
    throw error;
  }
}

export function viewerFromAuthorization(header: string | undefined, keys: readonly ApiKey[]): Viewer {
  if (header === undefined || header === '') return { role: 'anonymous' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new UnauthenticatedError('Malformed Authorization header: expected "Bearer <key>"');
  const offered = digest(match[1]!);
  let role: Role | undefined;
  for (const candidate of digestedKeys(keys)) {
    if (timingSafeEqual(offered, candidate.digest) && role !== 'editor') role = candidate.role;
  }
  if (!role) throw new UnauthenticatedError('Unknown API key');
  return { role, keyId: `key:${offered.toString('hex').slice(0, 12)}` };
}
