import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDriver, fromProjectRoot } from '../src/index';
import { checkContender } from './check';
import { Corpus, DEFAULT_SEED, type ScaleName } from './generator/corpus';
import { numberList, parseArgs, scaleArg } from './lib/args';
import { DEFAULT_WRITERS, startLoadedNeo4j } from './lib/bench-neo4j';
import { cpuMsPerRequest, cpuSnapshot, cpuUse, msPerRequest } from './lib/cpu';
import { describeMachine, runLoad, startServer, warmNeo4j, type LoadTarget, type RunningServer } from './lib/processes';
import { profileOperations } from './profile';
import { RAW_DIR, RESULTS_DIR, writeReport } from './report';
import { medianRound, type Cell, type ScaleResults } from './scale-results';
import {
  CONTENDERS,
  NOT_EXPRESSIBLE,
  OPERATIONS,
  requestFor,
  samplesFor,
  type ContenderName,
  type OperationName,
  type RequestSpec,
} from './workload';

const USAGE = `npm run bench -- [--scale small|large|small,large] [--duration 10] [--rounds 1] [--concurrency 1,16,64]
                    [--ops A,B,C,D,E] [--contenders border-kg,neo4j-graphql,cypher] [--warmup 3] [--neo4j-warmup 10]
                    [--samples 200] [--seed ${DEFAULT_SEED}] [--heap 4g] [--pagecache-mb 4096] [--reload] [--writers ${DEFAULT_WRITERS}] [--no-profile]`;

function revision(): { commit: string; uncommittedFiles: number } {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: fromProjectRoot(), encoding: 'utf8' }).stdout?.trim() ?? '';
  const changed = git('status', '--porcelain', '--', 'src', 'cypher');
  return { commit: git('rev-parse', '--short', 'HEAD') || 'unknown', uncommittedFiles: changed ? changed.split('\n').length : 0 };
}

function say(line: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function benchScale(scale: ScaleName, args: Map<string, string>): Promise<ScaleResults> {
  const seed = args.get('seed') ?? DEFAULT_SEED;
  const durationSeconds = Number(args.get('duration') ?? 10);
  const warmupSeconds = Number(args.get('warmup') ?? 3);
  const neo4jWarmupSeconds = Number(args.get('neo4j-warmup') ?? 10);
  const concurrency = numberList(args.get('concurrency'), [1, 16, 64], 'concurrency');
  const sampleCount = Number(args.get('samples') ?? 200);
  const rounds = Number(args.get('rounds') ?? 1);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds: a whole number of at least 1');
  const operations = (args.get('ops')?.split(',') ?? OPERATIONS) as OperationName[];
  const contenders = (args.get('contenders')?.split(',') ?? CONTENDERS) as ContenderName[];
  const heap = args.get('heap') ?? '4g';
  const pageCacheMb = Number(args.get('pagecache-mb') ?? 4096);
  for (const operation of operations) if (!OPERATIONS.includes(operation)) throw new Error(`--ops: unknown operation ${operation}`);
  for (const contender of contenders) if (!CONTENDERS.includes(contender)) throw new Error(`--contenders: unknown contender ${contender}`);

  const startedAt = new Date().toISOString();
  const { neo4j, report } = await startLoadedNeo4j(
    scale,
    seed,
    { heap, pageCacheMb, reload: args.has('reload'), writers: args.has('writers') ? Number(args.get('writers')) : undefined },
    say,
  );
  say(`${scale}: Neo4j at ${neo4j.uri}; ${report.entities} entities, ${report.relations} relations, ${report.mentions} mentions`);
  const results: ScaleResults = {
    scale,
    seed,
    startedAt,
    finishedAt: '',
    machine: describeMachine(),
    revision: revision(),
    settings: { durationSeconds, rounds, warmupSeconds, neo4jWarmupSeconds, concurrency, samples: sampleCount, neo4jHeap: heap, pageCacheMb },
    load: report,
    notExpressible: NOT_EXPRESSIBLE,
    checks: [],
    cells: [],
    profiles: [],
  };
  try {
    const corpus = new Corpus(scale, seed);
    const samples = new Map(operations.map((operation) => [operation, samplesFor(operation, corpus, sampleCount)]));
    const loadJob = (url: string, specs: RequestSpec[]) => ({
      url,
      // All requests of a cell go to one path; the body carries the query and its arguments.
      path: new URL(specs[0]!.path, url).pathname,
      bodies: specs.map((spec) => spec.body),
      timeoutSeconds: 30,
    });
    const specsOf = (contender: ContenderName, operation: OperationName) => {
      const requests = samples.get(operation)!.map((sample) => requestFor(contender, operation, sample));
      return requests.some((request) => request === undefined) ? undefined : (requests as RequestSpec[]);
    };

    // Every contender's every operation, unmeasured, before any cell counts (warmNeo4j says why).
    await warmNeo4j(neo4j, contenders, neo4jWarmupSeconds, (contender, url) =>
      operations.flatMap((operation) => {
        const specs = specsOf(contender, operation);
        return specs ? [{ ...loadJob(url, specs), connections: 16 }] : [];
      }),
      (line) => say(`${scale}: ${line}`),
    );

    // Every contender's server runs through the whole scale, and the cells of one operation and
    // concurrency are measured one after the other, the contenders taking turns round by round:
    // the machine and Neo4j drift over minutes (in alternating 5 s rounds of A at large scale, one
    // server's CPU per request moved between 0.94 and 1.62 ms, the floor's between 0.62 and 0.92),
    // and measuring each contender's operations in a block of its own put minutes between the
    // cells a verdict compares.
    const servers = new Map<ContenderName, RunningServer>();
    try {
      for (const contender of contenders) {
        say(`${scale}: starting ${contender}`);
        servers.set(contender, await startServer(contender, neo4j));
      }
      for (const [operationIndex, operation] of operations.entries()) {
        const ready: { contender: ContenderName; server: RunningServer; job: LoadTarget }[] = [];
        for (const [contender, server] of servers) {
          const specs = specsOf(contender, operation);
          if (!specs) {
            say(`${scale}: ${contender} ${operation}: not expressible`);
            continue;
          }
          let check = await checkContender(contender, operation, server.url, specs.slice(0, 3));
          if (!check.ok) {
            // A cold first query (planning, empty page cache) may exceed a time limit that a warm
            // one meets: try once more, and keep the first failure on record.
            say(`${scale}: ${contender} ${operation} check failed once: ${check.error?.slice(0, 300)}; trying again`);
            const retry = await checkContender(contender, operation, server.url, specs.slice(0, 3));
            check = { ...retry, firstAttemptError: check.error };
          }
          results.checks.push(check);
          say(`${scale}: ${contender} ${operation} check: ${check.ok ? check.summaries.join('; ') : `FAILED ${check.error}`}`);
          if (!check.ok) continue;
          const job = { ...loadJob(server.url, specs), connections: 16 };
          if (warmupSeconds > 0) await runLoad({ ...job, durationSeconds: warmupSeconds });
          ready.push({ contender, server, job });
        }
        for (const connections of concurrency) {
          const measured = new Map<ContenderName, Cell[]>(ready.map(({ contender }) => [contender, []]));
          for (let round = 0; round < rounds; round++) {
            // Who goes first changes with the operation and the round, so that no contender always
            // follows the same one (after the library's C at large scale, 275 ms of Neo4j's CPU a
            // request, Neo4j may still be working off the load when the next cell starts).
            const shift = (operationIndex + round) % Math.max(ready.length, 1);
            for (const { contender, server, job } of [...ready.slice(shift), ...ready.slice(0, shift)]) {
              const loadAverage = os.loadavg()[0]!;
              const ours = [neo4j.pid, server.pid, process.pid];
              const before = cpuSnapshot(ours);
              const result = await runLoad({ ...job, connections, durationSeconds });
              const after = cpuSnapshot(ours);
              const cpu = cpuUse(before, after, result.cpuSeconds);
              const perRequest = {
                server: cpuMsPerRequest(before, after, ours.indexOf(server.pid), result.requests),
                neo4j: cpuMsPerRequest(before, after, ours.indexOf(neo4j.pid), result.requests),
                loadTool: msPerRequest(result.cpuSeconds, result.requests),
              };
              measured.get(contender)!.push({ operation, contender, concurrency: connections, loadAverage, cpu, cpuMsPerRequest: perRequest, ...result });
              say(
                `${scale}: ${contender} ${operation} c=${connections}` + (rounds > 1 ? ` round ${round + 1}/${rounds}` : '') +
                  `: ${result.throughput.toFixed(1)} req/s, ` +
                  `p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, errors ${result.errors}` +
                  (cpu ? `, cores busy ${cpu.machineCores} (other work ${cpu.otherCores})` : '') +
                  `, CPU ms/request server ${perRequest.server} Neo4j ${perRequest.neo4j}` +
                  (result.roundTripsPerRequest !== null ? `, ${result.roundTripsPerRequest.toFixed(2)} round trips` : '') +
                  (result.firstError ? ` (first error: ${result.firstError.slice(0, 200)})` : ''),
              );
            }
          }
          for (const cells of measured.values()) results.cells.push(medianRound(cells));
        }
      }
    } finally {
      for (const server of servers.values()) await server.stop();
    }

    if (!args.has('no-profile')) {
      say(`${scale}: profiling the Cypher of each operation`);
      const driver = createDriver({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password, database: 'neo4j', transactionTimeoutMs: 120_000 });
      try {
        const hub = (kind: 'PLACE' | 'ORGANIZATION') => corpus.pools[kind][0]!.id;
        const typical = (operation: OperationName) => samples.get(operation)?.[0] ?? samplesFor(operation, corpus, 1)[0]!;
        results.profiles = await profileOperations(driver, [
          ...operations.map((operation) => ({ operation, case: 'first sample', sample: typical(operation) })),
          ...(operations.includes('A') ? [{ operation: 'A' as const, case: 'biggest hub', sample: { id: hub('PLACE') } }] : []),
          ...(operations.includes('C') ? [{ operation: 'C' as const, case: 'biggest hub', sample: { ...typical('C'), placeId: hub('PLACE') } }] : []),
          ...(operations.includes('D') ? [{ operation: 'D' as const, case: 'biggest hub', sample: { id: hub('ORGANIZATION') } }] : []),
        ]);
      } finally {
        await driver.close();
      }
    }
  } finally {
    await neo4j.stop();
  }
  results.finishedAt = new Date().toISOString();
  return results;
}

/**
 * A run limited by --ops or --contenders replaces only the cells it measured: the earlier run's
 * other cells on the same data (same seed and load) are kept, so one operation can be re-measured.
 */
function mergeWithPrevious(results: ScaleResults, file: string): ScaleResults {
  if (!existsSync(file)) return results;
  const previous = JSON.parse(readFileSync(file, 'utf8')) as ScaleResults;
  if (previous.seed !== results.seed || previous.load.loadedAt !== results.load.loadedAt) return results;
  const measured = new Set(results.checks.map((check) => `${check.operation}/${check.contender}`));
  const keep = <T extends { operation: OperationName; contender: string }>(items: T[]) =>
    items.filter((item) => !measured.has(`${item.operation}/${item.contender}`));
  return {
    ...results,
    startedAt: keep(previous.cells).length > 0 ? previous.startedAt : results.startedAt,
    checks: [...keep(previous.checks), ...results.checks],
    cells: [...keep(previous.cells), ...results.cells],
    profiles: results.profiles.length > 0 ? results.profiles : previous.profiles,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.has('help')) {
    console.log(USAGE);
    return;
  }
  mkdirSync(RAW_DIR, { recursive: true });
  for (const scale of scaleArg(args.get('scale'), 'small')) {
    const file = path.join(RAW_DIR, `${scale}.json`);
    const results = mergeWithPrevious(await benchScale(scale, args), file);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    say(`wrote ${path.relative(process.cwd(), file)}`);
    writeReport(RESULTS_DIR);
    say(`wrote ${path.relative(process.cwd(), RESULTS_DIR)}/README.md, latency.svg and raw/details.md`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
