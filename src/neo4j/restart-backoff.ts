export interface RestartPolicy {
  /** The wait before the first restart; each further one in the window waits twice as long. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Restarts allowed within windowMs; one more crash in the window gives up. */
  maxAttempts: number;
  windowMs: number;
}

/**
 * A crash is restarted after 1 s, a crash loop gets 1, 2, 4, 8, 16 s, and five restarts in ten
 * minutes is where a restart stops being the cure (a full disk, a corrupt store, too little
 * memory): the supervisor gives up and says so on /healthz, for an operator or orchestrator.
 */
const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxAttempts: 5,
  windowMs: 10 * 60_000,
};

/** Exponential backoff with a cap on the attempts within a sliding window. */
export class RestartBackoff {
  private attempts: number[] = [];

  constructor(private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY) {}

  /** The wait before the next restart (counted as an attempt), or undefined when the window's attempts are spent. */
  nextDelay(now: number): number | undefined {
    this.attempts = this.attempts.filter((at) => now - at < this.policy.windowMs);
    if (this.attempts.length >= this.policy.maxAttempts) return undefined;
    const delay = Math.min(this.policy.initialDelayMs * 2 ** this.attempts.length, this.policy.maxDelayMs);
    this.attempts.push(now);
    return delay;
  }

  /** Attempts within the window so far, the current one included. */
  get attemptsInWindow(): number {
    return this.attempts.length;
  }
}
