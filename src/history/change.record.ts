/** A Change as the history stores it (cypher/migrations/008_changes.cypher) and the API returns it. */
export interface ChangeRecord {
  id: string;
  /** When the write's transaction began, ISO 8601 in UTC. */
  at: string;
  /** The key's fingerprint ("key:" and 12 hex digits), or the command line that wrote ("ingest-cli"). */
  by: string;
  operation: string;
  what: string;
  entityIds: string[];
  /** JSON objects of the properties that changed; null for a creation (before) or a deletion (after). */
  before: string | null;
  after: string | null;
}

export function toChangeRecord(stored: Record<string, unknown>): ChangeRecord {
  return {
    id: String(stored.id),
    at: String(stored.at),
    by: String(stored.by),
    operation: String(stored.operation),
    what: String(stored.what),
    entityIds: (stored.entityIds as string[] | undefined) ?? [],
    before: (stored.before as string | null | undefined) ?? null,
    after: (stored.after as string | null | undefined) ?? null,
  };
}
