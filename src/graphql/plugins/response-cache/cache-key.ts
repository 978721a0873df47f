import { createHash } from 'node:crypto';
import type { Viewer } from '../../auth/viewer';

/**
 * JSON with every object's keys in order, so that `{"a":1,"b":2}` and `{"b":2,"a":1}` read the
 * same; arrays keep theirs (their order is meaning). Values are what a request's JSON body can
 * hold; anything else is written as JSON.stringify writes it (an absent member is left out, an
 * absent array item is null).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    const object = value as Record<string, unknown>;
    const members = Object.keys(object)
      .sort()
      .filter((name) => object[name] !== undefined)
      .map((name) => `${JSON.stringify(name)}:${canonicalJson(object[name])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What an answer depends on besides the graph: everything else of a request leaves it as it is. */
export interface CacheKeyParts {
  /** Apollo's hash of the document (SHA-256 of its text), the same for a persisted query's hash. */
  queryHash: string;
  /** The operation the request named; a document of several operations answers differently for each. */
  operationName: string | null | undefined;
  variables: Record<string, unknown> | undefined;
  /**
   * The role, never the key: every key of a role sees the same answers (fields are authorised by
   * role, and no query reads who asks beyond it), and a key must not be kept in memory twice.
   */
  role: Viewer['role'];
}

/**
 * The key of an answer: a SHA-256 of its parts, so that a request's variables (up to the 1 MB of
 * its body) take 64 characters of the cache's memory, and no part can run into another.
 */
export function responseCacheKey({ queryHash, operationName, variables, role }: CacheKeyParts): string {
  const parts = JSON.stringify([role, queryHash, operationName ?? null, canonicalJson(variables ?? {})]);
  return createHash('sha256').update(parts, 'utf8').digest('hex');
}
