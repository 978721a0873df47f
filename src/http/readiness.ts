/**
 * What /readyz reports: the service is ready only once the database answers and the
 * migrations and seed have run. Until then it names the step that is missing.
 */
export class Readiness {
  private migrated = false;
  private seeded = false;

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
}
