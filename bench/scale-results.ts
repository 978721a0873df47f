import type { CheckResult } from './check';
import type { ScaleName } from './generator/corpus';
import type { LoadReport } from './generator/load';
import type { CpuUse } from './lib/cpu';
import type { LoadResult } from './load-worker';
import type { PlanSummary } from './profile';
import type { ContenderName, OperationName } from './workload';

/** One measured cell: an operation, a contender, a concurrency. */
export interface Cell extends LoadResult {
  operation: OperationName;
  contender: ContenderName;
  concurrency: number;
  /** 1-minute load average of the machine when the cell started (Neo4j's busy threads count too). */
  loadAverage: number;
  /** Cores busy during the cell: all, the benchmark's processes, and other work sharing the machine. */
  cpu?: CpuUse;
  /**
   * CPU milliseconds per request of the contender's server, of Neo4j and of the load tool: on a
   * machine the three share, what a contender's own process costs is what Neo4j cannot use.
   */
  cpuMsPerRequest?: { server?: number; neo4j?: number; loadTool?: number };
  /** With --rounds above 1: every round's throughput, in the order measured; the cell is the median round. */
  roundThroughputs?: number[];
}

/**
 * A cell measured in rounds is its round of median throughput (the lower middle one of an even
 * count), whole: its latencies and CPU are that round's, never a mix of rounds. A round of a
 * machine's passing slow spell, or of a fast one, decides no verdict.
 */
export function medianRound(rounds: readonly Cell[]): Cell {
  if (rounds.length === 1) return rounds[0]!;
  const byThroughput = [...rounds].sort((a, b) => a.throughput - b.throughput);
  return { ...byThroughput[Math.floor((byThroughput.length - 1) / 2)]!, roundThroughputs: rounds.map((round) => round.throughput) };
}

/** What a run of one scale records (bench/results/raw/<scale>.json): written by run.ts, read by report.ts. */
export interface ScaleResults {
  scale: ScaleName;
  seed: string;
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  /** The service's code that was measured: the commit and how many files under src/ and cypher/ differed from it. */
  revision?: { commit: string; uncommittedFiles: number };
  /**
   * neo4jWarmupSeconds: the unmeasured round of every contender and operation before the cells;
   * rounds: how many times each cell was measured, contenders taking turns (both absent in runs before they existed).
   */
  settings: { durationSeconds: number; rounds?: number; warmupSeconds: number; neo4jWarmupSeconds?: number; concurrency: number[]; samples: number; neo4jHeap: string; pageCacheMb: number };
  load: LoadReport;
  notExpressible: Partial<Record<OperationName, string>>;
  checks: CheckResult[];
  cells: Cell[];
  profiles: PlanSummary[];
}
