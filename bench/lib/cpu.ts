import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/**
 * CPU accounting from /proc (Linux only): how many cores the machine was busy on during a cell,
 * how much of that was the benchmark's own processes (Neo4j, the server under test, this
 * orchestrator, the load tool), and so how much was other work sharing the machine. The load
 * average cannot tell the two apart: Neo4j's busy query threads count in it too.
 */

const TICKS_PER_SECOND = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const value = Number(out.stdout?.trim());
  return Number.isFinite(value) && value > 0 ? value : 100;
})();

export interface CpuSnapshot {
  at: number;
  busyTicks: number;
  pidTicks: number;
  /** Each process's ticks, in the order of the pids given. */
  ticksByPid: number[];
}

export interface CpuUse {
  /** Average number of cores busy over the cell, any process. */
  machineCores: number;
  /** Of which the benchmark's processes. */
  benchCores: number;
  /** The rest: work outside the benchmark. */
  otherCores: number;
}

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state is fields[0]; utime and stime are the 14th and 15th fields overall.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

export function cpuSnapshot(pids: number[]): CpuSnapshot | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = values.map(Number);
  const ticksByPid = pids.map(processTicks);
  return {
    at: performance.now(),
    busyTicks: user! + nice! + system! + irq! + softirq! + (steal ?? 0),
    pidTicks: ticksByPid.reduce((sum, ticks) => sum + ticks, 0),
    ticksByPid,
  };
}

/** CPU seconds spread over requests, in milliseconds per request to two decimals (none without requests). */
export function msPerRequest(cpuSeconds: number, requests: number): number | undefined {
  return requests > 0 ? Math.round((cpuSeconds * 1000 * 100) / requests) / 100 : undefined;
}

/** CPU milliseconds one process (the pid at `index` of the snapshots' pids) used per request between two snapshots. */
export function cpuMsPerRequest(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined, index: number, requests: number): number | undefined {
  if (!before || !after) return undefined;
  return msPerRequest((after.ticksByPid[index]! - before.ticksByPid[index]!) / TICKS_PER_SECOND, requests);
}

/** Use between two snapshots; `extraSeconds` is CPU time of benchmark processes that have exited since (the load tool). */
export function cpuUse(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined, extraSeconds: number): CpuUse | undefined {
  if (!before || !after) return undefined;
  const seconds = (after.at - before.at) / 1000;
  const machine = (after.busyTicks - before.busyTicks) / TICKS_PER_SECOND / seconds;
  const bench = ((after.pidTicks - before.pidTicks) / TICKS_PER_SECOND + extraSeconds) / seconds;
  const round = (value: number) => Math.round(value * 100) / 100;
  return { machineCores: round(machine), benchCores: round(bench), otherCores: round(Math.max(0, machine - bench)) };
}
