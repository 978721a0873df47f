/**
 * A node's or relationship's properties as Neo4j returns them (primitives, lists, temporal
 * values), or a state a service composes of them (a statistic with its derived links).
 */
export type StoredProperties = Record<string, unknown>;

/** What a Change keeps of a write: the properties that changed, as JSON objects, before and after. */
export interface ChangedProperties {
  /** null: the thing did not exist before the write (a creation). */
  before: string | null;
  /** null: the thing no longer exists after it (a deletion). */
  after: string | null;
}

/**
 * A value as JSON can hold it: temporal values (a period's dates, an article's ingestedAt) as
 * their ISO text, maps with their keys sorted so that two states compare by content alone.
 */
function jsonValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonValue);
  if (value === null || typeof value !== 'object') return value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return String(value);
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, jsonValue(item)]));
}

/**
 * The properties that differ between two states of one thing, each side as JSON; null when none
 * differs (a write that changed nothing records nothing). A state of null is the thing's absence:
 * a creation has an `after` only, with every property, a deletion a `before` only. A property
 * that is null is absent, as in Neo4j, which stores no nulls.
 */
export function changedProperties(before: StoredProperties | null, after: StoredProperties | null): ChangedProperties | null {
  if (before === null && after === null) return null;
  const was = jsonValue(before ?? {}) as Record<string, unknown>;
  const is = jsonValue(after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(was), ...Object.keys(is)])].sort();
  const changed = keys.filter((key) => JSON.stringify(was[key] ?? null) !== JSON.stringify(is[key] ?? null));
  if (changed.length === 0) return null;
  const side = (state: StoredProperties | null, values: Record<string, unknown>) =>
    state === null ? null : JSON.stringify(Object.fromEntries(changed.map((key) => [key, values[key] ?? null])));
  return { before: side(before, was), after: side(after, is) };
}
