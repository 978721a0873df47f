import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createLogger } from '../config/logger';
import { startLocalNeo4j, type LocalNeo4j } from './local-neo4j';
import { LocalNeo4jSupervisor } from './local-neo4j-supervisor';

jest.mock('./local-neo4j', () => ({ startLocalNeo4j: jest.fn() }));
const start = jest.mocked(startLocalNeo4j);
const log = createLogger('silent');
const options = { home: '.neo4j', boltPort: 7687, heap: '512m', pageCacheMb: 64 };

/** A Java process as the supervisor sees it: it ends when stopped, or when the test crashes it. */
interface FakeNeo4j extends LocalNeo4j {
  crash(): void;
  stop: jest.Mock<() => Promise<void>>;
}

function fakeNeo4j(pid: number): FakeNeo4j {
  let end!: (exit: { code: number | null; signal: NodeJS.Signals | null }) => void;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => (end = resolve));
  return {
    uri: 'bolt://127.0.0.1:7687',
    username: 'neo4j',
    password: 'the-data-folders-password',
    pid,
    exited,
    crash: () => end({ code: null, signal: 'SIGKILL' }),
    stop: jest.fn(async () => end({ code: 0, signal: null })),
  };
}

/** Each start of Java gives the next fake, in order. */
function javaStarts(...processes: FakeNeo4j[]): void {
  for (const neo4j of processes) start.mockResolvedValueOnce(neo4j);
}

describe('the supervisor of the local Neo4j', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    start.mockReset();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('restarts a Neo4j that crashed after a backoff, and reports the restart', async () => {
    const [first, second] = [fakeNeo4j(1), fakeNeo4j(2)];
    javaStarts(first, second);
    const supervisor = await LocalNeo4jSupervisor.start(options, log);
    expect(supervisor.health()).toEqual({ database: 'up', restarts: 0 });

    first.crash();
    await jest.advanceTimersByTimeAsync(999);
    expect(supervisor.health()).toEqual({ database: 'restarting', restarts: 0 });
    expect(start).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(start).toHaveBeenCalledTimes(2);
    expect(start).toHaveBeenLastCalledWith(options, log, expect.any(AbortSignal));
    expect(supervisor.health()).toEqual({ database: 'up', restarts: 1 });
    expect(supervisor.password).toBe('the-data-folders-password');

    await supervisor.stop();
    expect(second.stop).toHaveBeenCalled();
  });

  it('backs off 1, 2, 4, 8, 16 s through a crash loop, and gives up at the sixth crash within the window', async () => {
    const processes = [1, 2, 3, 4, 5, 6].map(fakeNeo4j);
    javaStarts(...processes);
    const supervisor = await LocalNeo4jSupervisor.start(options, log);
    for (const [index, delay] of [1_000, 2_000, 4_000, 8_000, 16_000].entries()) {
      processes[index]!.crash();
      await jest.advanceTimersByTimeAsync(delay - 1);
      expect(start).toHaveBeenCalledTimes(index + 1);
      await jest.advanceTimersByTimeAsync(1);
      expect(start).toHaveBeenCalledTimes(index + 2);
    }
    expect(supervisor.health()).toEqual({ database: 'up', restarts: 5 });

    processes[5]!.crash();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(start).toHaveBeenCalledTimes(6);
    expect(supervisor.health()).toEqual({ database: 'down', restarts: 5 });
  });

  it('tries again, with the next backoff, when a restart fails', async () => {
    const [first, third] = [fakeNeo4j(1), fakeNeo4j(3)];
    start.mockResolvedValueOnce(first).mockRejectedValueOnce(new Error('the local Neo4j did not start')).mockResolvedValueOnce(third);
    const supervisor = await LocalNeo4jSupervisor.start(options, log);
    first.crash();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(supervisor.health()).toEqual({ database: 'restarting', restarts: 0 });
    await jest.advanceTimersByTimeAsync(2_000);
    expect(start).toHaveBeenCalledTimes(3);
    expect(supervisor.health()).toEqual({ database: 'up', restarts: 1 });
  });

  it('does not restart Neo4j once stopping: neither the one it stops nor one that crashed during a shutdown', async () => {
    const first = fakeNeo4j(1);
    javaStarts(first);
    const supervisor = await LocalNeo4jSupervisor.start(options, log);
    await supervisor.stop();
    expect(first.stop).toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(start).toHaveBeenCalledTimes(1);

    const crashed = fakeNeo4j(2);
    javaStarts(crashed);
    const other = await LocalNeo4jSupervisor.start(options, log);
    crashed.crash();
    await jest.advanceTimersByTimeAsync(500);
    await other.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('cancels a restart under way when stopped, and waits for it to end', async () => {
    const first = fakeNeo4j(1);
    javaStarts(first);
    let cancelled = false;
    start.mockImplementationOnce(
      (_options, _log, signal) =>
        new Promise<LocalNeo4j>((_resolve, reject) =>
          signal!.addEventListener('abort', () => {
            cancelled = true;
            reject(new Error('the start of the local Neo4j was cancelled'));
          }),
        ),
    );
    const supervisor = await LocalNeo4jSupervisor.start(options, log);
    first.crash();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(start).toHaveBeenCalledTimes(2);

    await supervisor.stop();
    expect(cancelled).toBe(true);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(start).toHaveBeenCalledTimes(2);
  });
});
