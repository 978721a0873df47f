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
  settings: { durationSeconds: number; warmupSeconds: number; concurrency: number[]; samples: number; neo4jHeap: string; pageCacheMb: number };
  load: LoadReport;
  notExpressible: Partial<Record<OperationName, string>>;
  checks: CheckResult[];
  cells: Cell[];
  profiles: PlanSummary[];
}
