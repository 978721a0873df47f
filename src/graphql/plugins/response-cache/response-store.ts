import { LRUCache } from 'lru-cache';

export interface ResponseStoreOptions {
  /** Most bytes of answers held (as {@link answerBytes} counts them), keys and entries included. */
  maxBytes: number;
  maxEntries: number;
  /** Longest an answer is served after it was read; 0: until the next write. */
  maxAgeSeconds: number;
  /** Milliseconds of a monotonic clock; tests pass their own. */
  now?: () => number;
}

/** Why an answer was not kept: a write ended while it was read, or it is too large to keep. */
export type StoreOutcome = 'stored' | 'stale' | 'too_large';

/** One answer: its data as JSON, the graph version it was read at, and when its reading began. */
interface Entry {
  json: string;
  version: number;
  readAt: number;
  bytes: number;
}

/** What an entry costs beside its text: the entry object, its slot in the cache's lists and map. */
const ENTRY_OVERHEAD_BYTES = 200;

/**
 * The memory a string of JSON and its key hold: V8 keeps a string whose characters are all
 * Latin-1 at one byte a character and any other at two.
 */
export function answerBytes(key: string, json: string): number {
  const bytesPerChar = /[^\u0000-\u00ff]/.test(json) ? 2 : 1;
  return key.length + json.length * bytesPerChar + ENTRY_OVERHEAD_BYTES;
}

/**
 * Answers kept under a graph version. The version counts the writes this process has seen end;
 * an answer is kept only under the version current when its reading began, and only while that
 * version is still current: a read that began before a write and ends after it may hold what
 * the graph was before the write, so it is not kept at all. Every write empties the store, and
 * an entry of another version is never served anyway. Bounded by bytes and entries (least
 * recently used first out); one answer may take at most a tenth of the bytes, so that a single
 * large one cannot empty the store.
 */
export class ResponseStore {
  private current = 0;
  private readonly cache: LRUCache<string, Entry>;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  readonly maxEntryBytes: number;

  constructor({ maxBytes, maxEntries, maxAgeSeconds, now = () => performance.now() }: ResponseStoreOptions) {
    this.maxEntryBytes = Math.max(1, Math.floor(maxBytes / 10));
    this.maxAgeMs = maxAgeSeconds * 1000;
    this.now = now;
    this.cache = new LRUCache<string, Entry>({
      max: maxEntries,
      maxSize: maxBytes,
      maxEntrySize: this.maxEntryBytes,
      sizeCalculation: (entry) => entry.bytes,
    });
  }

  /** The graph version: a request notes it before it reads, and stores under it. */
  get version(): number {
    return this.current;
  }

  get entries(): number {
    return this.cache.size;
  }

  get bytes(): number {
    return this.cache.calculatedSize;
  }

  /** A write has ended: no answer read before it is served or stored from now on. */
  invalidate(): void {
    this.current += 1;
    this.cache.clear();
  }

  /** The answer's JSON, if one of the current version is kept and not older than the age bound. */
  get(key: string): string | undefined {
    const entry = this.cache.get(key);
    if (entry === undefined) return undefined;
    if (entry.version !== this.current || (this.maxAgeMs > 0 && this.now() - entry.readAt > this.maxAgeMs)) {
      this.cache.delete(key);
      return undefined;
    }
    return entry.json;
  }

  /** Keeps an answer read from `version` on, its reading begun at `readAt` (of this store's clock). */
  set(key: string, json: string, version: number, readAt: number): StoreOutcome {
    if (version !== this.current) return 'stale';
    const bytes = answerBytes(key, json);
    if (bytes > this.maxEntryBytes) return 'too_large';
    this.cache.set(key, { json, version, readAt, bytes });
    return 'stored';
  }

  /** This store's clock, for {@link set}'s `readAt`. */
  clock(): number {
    return this.now();
  }
}
