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
  /** neo4jWarmupSeconds: the unmeasured round of every contender and operation before the cells (absent in runs before it existed). */
  settings: { durationSeconds: number; warmupSeconds: number; neo4jWarmupSeconds?: number; concurrency: number[]; samples: number; neo4jHeap: string; pageCacheMb: number };
  load: LoadReport;
  notExpressible: Partial<Record<OperationName, string>>;
  checks: CheckResult[];
  cells: Cell[];
  profiles: PlanSummary[];
}
