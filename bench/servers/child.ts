import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * The protocol between the benchmark and the servers it starts as child processes (fork with
 * IPC): the child sends { ready: url } once it serves, or { failed: message }; SIGTERM stops it.
 */
export type ChildMessage = { ready: string } | { failed: string } | { profiled: string };

/** From the parent: start the V8 CPU profiler, or stop it and write the profile to a file. */
export type ParentMessage = { profile: 'start' } | { profile: 'stop'; file: string };

export function reportReady(url: string): void {
  process.send?.({ ready: url } satisfies ChildMessage);
}

export function reportFailure(error: unknown): never {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.send?.({ failed: message } satisfies ChildMessage, () => process.exit(1));
  setTimeout(() => process.exit(1), 1_000);
  throw error;
}

/** The Bolt URI and credentials (the local Neo4j's generated password) and the HTTP port a server child gets from its parent. */
export function childSettings(): { neo4jUri: string; neo4jUsername: string; neo4jPassword: string; port: number } {
  const { BENCH_NEO4J_URI: neo4jUri, BENCH_NEO4J_USERNAME: neo4jUsername, BENCH_NEO4J_PASSWORD: neo4jPassword } = process.env;
  const port = Number(process.env.BENCH_PORT);
  if (!neo4jUri || !neo4jUsername || !neo4jPassword || !Number.isInteger(port)) {
    throw new Error('BENCH_NEO4J_URI, BENCH_NEO4J_USERNAME, BENCH_NEO4J_PASSWORD and BENCH_PORT must be set');
  }
  return { neo4jUri, neo4jUsername, neo4jPassword, port };
}

/** Runs stop() on SIGTERM/SIGINT, then exits; a server also exits when its parent goes. */
export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  process.once('disconnect', shutdown);
}

/**
 * Lets the parent profile this process's CPU over exactly the window it measures (not the
 * start-up): V8's sampling profiler through node:inspector, written as a .cpuprofile file.
 */
export function serveCpuProfiles(): void {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  process.on('message', (message: ParentMessage) => {
    if (message.profile === 'start') {
      void post('Profiler.enable')
        .then(() => post('Profiler.setSamplingInterval', { interval: 1000 }))
        .then(() => post('Profiler.start'));
    } else if (message.profile === 'stop') {
      void post('Profiler.stop').then((result) => {
        writeFileSync(message.file, JSON.stringify((result as { profile: unknown }).profile));
        process.send?.({ profiled: message.file } satisfies ChildMessage);
      });
    }
  });
}
