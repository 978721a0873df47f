import type { LocalNeo4jHealth } from '../neo4j/local-neo4j-supervisor';

/**
 * What /readyz and /healthz report: the service is ready only once the database answers and the
 * migrations and seed have run, and until then it names the step that is missing. When the
 * service runs its own Neo4j, both also tell how that Neo4j fares under its supervisor.
 */
export class Readiness {
  private migrated = false;
  private seeded = false;

  /** @param localNeo4j the supervisor of the local Neo4j; none when NEO4J_URI names the database. */
  constructor(private readonly localNeo4j?: { health(): LocalNeo4jHealth }) {}

  markMigrated(): void {
    this.migrated = true;
  }

  markSeeded(): void {
    this.seeded = true;
  }

  /** The reason the service is not ready yet, or undefined once startup is complete. */
  pendingStep(): string | undefined {
    if (!this.migrated) return 'migrations have not been applied yet';
    if (!this.seeded) return 'the seed graph has not been loaded yet';
    return undefined;
  }

  /** The local Neo4j's state, or undefined when the database is not the service's own. */
  localNeo4jHealth(): LocalNeo4jHealth | undefined {
    return this.localNeo4j?.health();
  }
}
