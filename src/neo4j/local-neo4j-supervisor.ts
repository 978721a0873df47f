import type { Logger } from '../config/logger';
import { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jConnection, type LocalNeo4jOptions } from './local-neo4j';
import { RestartBackoff } from './restart-backoff';

/**
 * What /healthz says of the local Neo4j: 'up', 'restarting' after a crash (the service is healing
 * itself), or 'down' once the restarts allowed in the backoff's window are spent.
 */
export interface LocalNeo4jHealth {
  database: 'up' | 'restarting' | 'down';
  /** Successful restarts since the service started. */
  restarts: number;
}

/**
 * The local Neo4j the service launched, kept running: when its process ends without being asked
 * to (a crash, an OOM kill, kill -9), it is started again on the same port and data folder after
 * a backoff, so the driver reconnects and the service recovers without a restart of its own. A
 * Neo4j given by NEO4J_URI is never supervised: whoever runs it restarts it.
 */
export class LocalNeo4jSupervisor implements LocalNeo4jConnection {
  private current: LocalNeo4j;
  private state: LocalNeo4jHealth['database'] = 'up';
  private restarts = 0;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private restarting: Promise<void> | undefined;
  private readonly cancelStart = new AbortController();
  private readonly backoff = new RestartBackoff();

  private constructor(
    private readonly options: LocalNeo4jOptions,
    private readonly log: Logger,
    first: LocalNeo4j,
  ) {
    this.current = first;
    this.watch(first);
  }

  /** Starts the local Neo4j (see startLocalNeo4j) and supervises it from then on. */
  static async start(options: LocalNeo4jOptions, log: Logger): Promise<LocalNeo4jSupervisor> {
    return new LocalNeo4jSupervisor(options, log, await startLocalNeo4j(options, log));
  }

  /** The same on every restart: the port is the configured one, the password the data folder's. */
  get uri(): string {
    return this.current.uri;
  }

  get username(): string {
    return this.current.username;
  }

  get password(): string {
    return this.current.password;
  }

  health(): LocalNeo4jHealth {
    return { database: this.state, restarts: this.restarts };
  }

  /** Stops Neo4j for good: no restart is scheduled or started after this, and one under way is cancelled. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.cancelStart.abort();
    await this.restarting;
    await this.current.stop();
  }

  private watch(neo4j: LocalNeo4j): void {
    void neo4j.exited.then(({ code, signal }) => {
      if (this.stopping) return;
      this.state = 'restarting';
      this.log.error({ neo4jPid: neo4j.pid, code, signal }, 'The local Neo4j stopped unexpectedly');
      this.scheduleRestart();
    });
  }

  private scheduleRestart(): void {
    const delayMs = this.backoff.nextDelay(Date.now());
    if (delayMs === undefined) {
      this.state = 'down';
      this.log.error(
        { attempts: this.backoff.attemptsInWindow },
        'The local Neo4j keeps stopping: giving up on restarting it (/healthz answers 503); see its logs in the data folder',
      );
      return;
    }
    this.log.warn({ delayMs, attempt: this.backoff.attemptsInWindow }, 'Restarting the local Neo4j after a backoff');
    this.restartTimer = setTimeout(() => {
      this.restarting = this.restart();
    }, delayMs);
  }

  private async restart(): Promise<void> {
    try {
      const neo4j = await startLocalNeo4j(this.options, this.log, this.cancelStart.signal);
      this.current = neo4j;
      this.restarts += 1;
      this.state = 'up';
      this.log.warn({ neo4jPid: neo4j.pid, restarts: this.restarts }, 'The local Neo4j was restarted');
      this.watch(neo4j);
    } catch (error) {
      if (this.stopping) return;
      this.log.error({ err: error }, 'The local Neo4j did not restart');
      this.scheduleRestart();
    }
  }
}
