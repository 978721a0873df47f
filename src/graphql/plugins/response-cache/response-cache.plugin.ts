import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { Config } from '../../../config/config';
import type { RequestContext } from '../../context';
import { responseCacheKey } from './cache-key';
import { ResponseStore, type StoreOutcome } from './response-store';

export type ResponseCacheSettings = Config['responseCache'];

/**
 * What the cache reports: a lookup's outcome, what became of a missed answer (kept, or not kept
 * because a write ended while it was read or because it is too large), and each invalidation.
 */
export type ResponseCacheEvent = 'hit' | 'miss' | 'invalidation' | StoreOutcome;

export interface ResponseCacheSizes {
  entries: number;
  bytes: number;
}

/** Where the cache reports; the HTTP layer's Prometheus registry implements it. */
export interface ResponseCacheRecorder {
  recordResponseCache(event: ResponseCacheEvent): void;
  watchResponseCache(sizes: () => ResponseCacheSizes): void;
}

export interface ResponseCache {
  /** For Apollo Server's plugins; it does nothing when the cache is off. */
  plugin: ApolloServerPlugin<RequestContext>;
  /** Every write calls it when it ends, committed or not (the executor's onWriteEnded): no answer read before is served again. */
  invalidate: () => void;
}

/** Says whether an answer came from the cache; sent on every query the cache looked up. */
const CACHE_HEADER = 'x-response-cache';

/** The data of an answer that may be kept: a whole single answer with data, no errors, no extensions, status 200. */
function storableData(response: GraphQLResponse): unknown {
  const { body, http } = response;
  if (body.kind !== 'single' || (http.status !== undefined && http.status !== 200)) return undefined;
  const { data, errors, extensions } = body.singleResult;
  if (errors !== undefined || extensions !== undefined || data === null || data === undefined) return undefined;
  return data;
}

/**
 * A response cache for reads, invalidated by writes rather than by time: answers of queries
 * (never mutations or subscriptions) that had no errors, kept under the graph version their
 * reading began at (see ResponseStore), by document, operation name, variables (in any order)
 * and role. Everything that runs before an operation does still runs for a hit: Apollo asks
 * responseForOperation only after every plugin's didResolveOperation, so credentials are
 * checked, limits applied and fair use charged as for a miss (a hit is charged its cost: see
 * docs/operations.md#response-cache); a hit runs no resolver, so it costs no Cypher round trip.
 * Answers carry `X-Response-Cache: hit` or `miss`.
 *
 * Only writes through this process's executor invalidate: other writers (the command-line
 * import and ingest, another instance, a hand edit) are invisible to it, which the age bound
 * (maxAgeSeconds) limits.
 */
export function createResponseCache(settings: ResponseCacheSettings, recorder: ResponseCacheRecorder): ResponseCache {
  if (!settings.enabled) return { plugin: {}, invalidate: () => undefined };
  const store = new ResponseStore(settings);
  recorder.watchResponseCache(() => ({ entries: store.entries, bytes: store.bytes }));

  return {
    invalidate: () => {
      store.invalidate();
      recorder.recordResponseCache('invalidation');
    },
    plugin: {
      async requestDidStart() {
        /** Set once the cache is asked: the key, and the version and time the answer is read from. */
        let lookup: { key: string; version: number; readAt: number; hit: boolean } | undefined;
        return {
          async responseForOperation({ operation, contextValue, queryHash, request }) {
            // Credentials were checked before (read-access); a bad one never gets this far.
            if (operation.operation !== 'query' || contextValue.viewer.credentialError || queryHash === undefined) return null;
            const key = responseCacheKey({ queryHash, operationName: request.operationName, variables: request.variables, role: contextValue.viewer.role });
            // Noted before looking up: an answer read from here on is of this version or newer.
            lookup = { key, version: store.version, readAt: store.clock(), hit: false };
            const json = store.get(key);
            if (json === undefined) {
              recorder.recordResponseCache('miss');
              return null;
            }
            lookup.hit = true;
            recorder.recordResponseCache('hit');
            // Parsed afresh for each hit: no answer object is shared between requests.
            return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: JSON.parse(json) as Record<string, unknown> } } };
          },
          async willSendResponse({ response }) {
            if (!lookup) return;
            response.http.headers.set(CACHE_HEADER, lookup.hit ? 'hit' : 'miss');
            if (lookup.hit) return;
            const data = storableData(response);
            if (data === undefined) return;
            let json: string;
            try {
              json = JSON.stringify(data);
            } catch {
              return; // what cannot be written as JSON fails as the answer itself, not here
            }
            recorder.recordResponseCache(store.set(lookup.key, json, lookup.version, lookup.readAt));
          },
        };
      },
    },
  };
}
