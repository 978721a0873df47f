import os from 'node:os';
import { Corpus, DEFAULT_SEED, type ScaleName } from './generator/corpus';
import { parseArgs, scaleArg } from './lib/args';
import { startLoadedNeo4j } from './lib/bench-neo4j';
import { cpuSnapshot, cpuUse, type CpuUse } from './lib/cpu';
import { describeMachine, runLoad, startServer, type RunningServer } from './lib/processes';
import { Prng } from './lib/prng';
import { round } from './lib/stats';
import { writeLatest } from './report';
import { OPERATIONS, OPERATION_TITLES, requestFor, samplesFor, type OperationName, type Sample } from './workload';

/**
 * `npm run bench:response-cache` (issue 15, part 3): what the response cache gains on a skewed
 * workload, measured apart from the uncached figures of `npm run bench`. Each operation's
 * sampled arguments (bench/workload.ts samplesFor, the main benchmark's 200) are drawn by Zipf's
 * law (s = 1.1: the first argument about twice as often as the second, and so on), once per
 * workload into a fixed sequence that the load tool replays; "mix" draws the operation too, each
 * as likely. The service runs as the main benchmark runs it (a child process, fair use off),
 * started afresh for each cell (an empty cache), with the cache off and then on for each
 * workload; each cell is autocannon in its own process after a warm-up on the same sequence. Per cell: req/s, p50, p99, the hit ratio over the
 * timed window (from the service's /metrics), Cypher round trips per request, and the machine's
 * other load. Before the load, the first requests of each workload are asked with the cache off,
 * and twice with it on (a miss, then a hit), and their answers compared.
 * Results: bench/results/response-cache-latest.md (and raw/response-cache-latest.json).
 */
const USAGE = `npm run bench:response-cache -- [--scale small] [--duration 10] [--warmup 3] [--concurrency 16] [--samples 200] [--zipf 1.1] [--requests 10000] [--ops A,B,C,D,E] [--seed ${DEFAULT_SEED}] [--heap 4g] [--pagecache-mb 4096]`;

/** Shorter or smaller runs are smoke tests: their results say so. */
const MEASUREMENT = { durationSeconds: 10 };
/** Distinct requests of each workload whose answers are compared between the cache off and on. */
const ANSWER_CHECKS = 10;

type Mode = 'off' | 'on';
type Workload = OperationName | 'mix';

/** Zipf's law over ranks 0..n-1: P(rank k) ∝ (k + 1)^-s, drawn by its cumulative distribution. */
class Zipf {
  private readonly cumulative: number[];

  constructor(n: number, s: number) {
    const weights = Array.from({ length: n }, (_, rank) => (rank + 1) ** -s);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let sum = 0;
    this.cumulative = weights.map((weight) => (sum += weight / total));
  }

  draw(rng: Prng): number {
    const u = rng.next();
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle]! > u) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

interface Cell {
  workload: Workload;
  mode: Mode;
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** Of the timed window, from the service's counters; null with the cache off. */
  hitRatio: number | null;
  hits: number;
  misses: number;
  roundTripsPerRequest: number | null;
  loadAverage: number;
  cpu: CpuUse | undefined;
  firstError?: string;
}

interface AnswerCheck {
  workload: Workload;
  compared: number;
  /** Answers with the cache on (miss and hit alike) byte for byte those with it off. */
  identical: number;
  /** Second askings with the cache on that the service answered from the cache. */
  hits: number;
}

/** What bench/results/raw/response-cache-latest.json holds. */
interface ResponseCacheBenchResult {
  ranAt: string;
  command: string;
  machine: ReturnType<typeof describeMachine>;
  settings: {
    scale: ScaleName;
    seed: string;
    durationSeconds: number;
    warmupSeconds: number;
    concurrency: number;
    samples: number;
    zipfExponent: number;
    sequenceLength: number;
    operations: OperationName[];
    neo4jHeap: string;
    pageCacheMb: number;
  };
  /** RESPONSE_CACHE_* given in the environment, beside RESPONSE_CACHE_ENABLED, which each mode sets. */
  responseCacheEnvironment: Record<string, string>;
  corpus: { entities: number; relations: number; mentions: number };
  /** Distinct requests in each workload's sequence. */
  distinctRequests: Record<string, number>;
  answers: AnswerCheck[];
  cells: Cell[];
}

function say(line: string) {
  console.log(`[bench:response-cache ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/** The service's response cache counters, from its /metrics; 0 for those absent. */
async function cacheCounters(server: RunningServer): Promise<{ hits: number; misses: number }> {
  const text = await (await fetch(server.url.replace(/\/graphql$/, '/metrics'))).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { hits: value('borderkg_response_cache_hits_total'), misses: value('borderkg_response_cache_misses_total') };
}

async function ask(server: RunningServer, body: string): Promise<{ text: string; cache: string | null }> {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors":[')) throw new Error(`a request failed (${response.status}): ${text.slice(0, 300)}`);
  return { text, cache: response.headers.get('x-response-cache') };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.has('help')) {
    console.log(USAGE);
    return;
  }
  if (args.get('scale')?.includes(',')) throw new Error('--scale: one scale at a time');
  const [scale] = scaleArg(args.get('scale'), 'small');
  const seed = args.get('seed') ?? DEFAULT_SEED;
  const durationSeconds = Number(args.get('duration') ?? 10);
  const warmupSeconds = Number(args.get('warmup') ?? 3);
  const concurrency = Number(args.get('concurrency') ?? 16);
  const sampleCount = Number(args.get('samples') ?? 200);
  const zipfExponent = Number(args.get('zipf') ?? 1.1);
  const sequenceLength = Number(args.get('requests') ?? 10_000);
  const operations = (args.get('ops')?.split(',') ?? OPERATIONS) as OperationName[];
  const heap = args.get('heap') ?? '4g';
  const pageCacheMb = Number(args.get('pagecache-mb') ?? 4096);
  for (const operation of operations) if (!OPERATIONS.includes(operation)) throw new Error(`--ops: unknown operation ${operation}`);
  for (const [name, value] of Object.entries({ duration: durationSeconds, concurrency, samples: sampleCount, requests: sequenceLength })) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name}: expected a positive integer, got "${args.get(name)}"`);
  }
  if (!Number.isInteger(warmupSeconds) || warmupSeconds < 0) throw new Error(`--warmup: expected 0 or a positive integer, got "${args.get('warmup')}"`);
  if (!Number.isFinite(zipfExponent) || zipfExponent <= 0) throw new Error(`--zipf: expected a positive exponent, got "${args.get('zipf')}"`);
  const given = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[0].startsWith('RESPONSE_CACHE_') && entry[0] !== 'RESPONSE_CACHE_ENABLED' && entry[1] !== undefined,
    ),
  );

  const { neo4j, report } = await startLoadedNeo4j(scale!, seed, { heap, pageCacheMb }, say);
  const cells: Cell[] = [];
  const answers = new Map<Workload, AnswerCheck>();
  const workloads: Workload[] = [...operations, ...(operations.length > 1 ? (['mix'] as const) : [])];
  const sequences = new Map<Workload, string[]>();
  try {
    say(`${scale}: Neo4j at ${neo4j.uri}; ${report.entities} entities, ${report.relations} relations`);
    const corpus = new Corpus(scale!, seed);
    const samples = new Map<OperationName, Sample[]>(operations.map((operation) => [operation, samplesFor(operation, corpus, sampleCount)]));
    const zipf = new Zipf(sampleCount, zipfExponent);
    for (const workload of workloads) {
      const rng = new Prng(`${seed}/${scale}/response-cache/${workload}`);
      sequences.set(
        workload,
        Array.from({ length: sequenceLength }, () => {
          const operation = workload === 'mix' ? rng.pick(operations) : workload;
          return requestFor('border-kg', operation, samples.get(operation)![zipf.draw(rng)]!)!.body;
        }),
      );
    }
    const offAnswers = new Map<string, string>();

    // A fresh service for each cell: the cache starts empty, and no cell warms another's.
    for (const workload of workloads) {
      for (const mode of ['off', 'on'] as const) {
        const server = await startServer('border-kg', neo4j, { entry: 'border-kg-server.js', env: { RESPONSE_CACHE_ENABLED: String(mode === 'on') } });
        try {
          const check: AnswerCheck = answers.get(workload) ?? { workload, compared: 0, identical: 0, hits: 0 };
          answers.set(workload, check);
          for (const body of [...new Set(sequences.get(workload))].slice(0, ANSWER_CHECKS)) {
            if (mode === 'off') {
              offAnswers.set(body, (await ask(server, body)).text);
              continue;
            }
            for (let asking = 0; asking < 2; asking++) {
              const { text, cache } = await ask(server, body);
              if (cache === null) throw new Error('the service sent no X-Response-Cache header with RESPONSE_CACHE_ENABLED=true: is the cache wired in startBorderKg?');
              check.compared++;
              if (text === offAnswers.get(body)) check.identical++;
              if (asking === 1 && cache === 'hit') check.hits++;
            }
          }

          const job = { url: server.url, path: '/graphql', bodies: sequences.get(workload)!, timeoutSeconds: 30 };
          if (warmupSeconds > 0) await runLoad({ ...job, connections: concurrency, durationSeconds: warmupSeconds });
          const ours = [neo4j.pid, server.pid, process.pid];
          const loadAverage = round(os.loadavg()[0]!);
          const countersBefore = await cacheCounters(server);
          const before = cpuSnapshot(ours);
          const result = await runLoad({ ...job, connections: concurrency, durationSeconds });
          const cpu = cpuUse(before, cpuSnapshot(ours), result.cpuSeconds);
          const countersAfter = await cacheCounters(server);
          const hits = countersAfter.hits - countersBefore.hits;
          const misses = countersAfter.misses - countersBefore.misses;
          const cell: Cell = {
            workload,
            mode,
            throughput: round(result.throughput, 1),
            p50Ms: result.latencyMs.p50,
            p99Ms: result.latencyMs.p99,
            errors: result.errors,
            hitRatio: mode === 'on' && hits + misses > 0 ? round(hits / (hits + misses), 4) : null,
            hits,
            misses,
            roundTripsPerRequest: result.roundTripsPerRequest === null ? null : round(result.roundTripsPerRequest, 3),
            loadAverage,
            cpu,
            firstError: result.firstError,
          };
          cells.push(cell);
          say(
            `${workload} | cache ${mode}: ${cell.throughput} req/s, p50 ${cell.p50Ms} ms, p99 ${cell.p99Ms} ms` +
              `${cell.hitRatio === null ? '' : `, hit ratio ${cell.hitRatio}`}, errors ${cell.errors}${cpu ? `, other work ${cpu.otherCores} cores` : ''}` +
              `${cell.firstError ? ` (${cell.firstError.slice(0, 160)})` : ''}`,
          );
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    await neo4j.stop();
  }

  const result: ResponseCacheBenchResult = {
    ranAt: new Date().toISOString(),
    command: `npm run bench:response-cache -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: describeMachine(),
    settings: { scale: scale!, seed, durationSeconds, warmupSeconds, concurrency, samples: sampleCount, zipfExponent, sequenceLength, operations, neo4jHeap: heap, pageCacheMb },
    responseCacheEnvironment: given,
    corpus: { entities: report.entities, relations: report.relations, mentions: report.mentions },
    distinctRequests: Object.fromEntries([...sequences].map(([workload, bodies]) => [workload, new Set(bodies).size])),
    answers: [...answers.values()],
    cells,
  };
  writeLatest('response-cache', result, markdown(result));
  say('Wrote bench/results/response-cache-latest.md and bench/results/raw/response-cache-latest.json');
}

function markdown(result: ResponseCacheBenchResult): string {
  const { machine, settings } = result;
  const workloads = [...new Set(result.cells.map((cell) => cell.workload))];
  const title = (workload: Workload) => (workload === 'mix' ? `mix: ${settings.operations.join(', ')}, each as likely` : `${workload}: ${OPERATION_TITLES[workload]}`);
  const cellOf = (workload: Workload, mode: Mode) => result.cells.find((cell) => cell.workload === workload && cell.mode === mode);
  const row = (cell: Cell) =>
    `| ${title(cell.workload)} | ${result.distinctRequests[cell.workload] ?? '—'} | ${cell.mode} | ${cell.throughput} | ${cell.p50Ms} | ${cell.p99Ms} | ` +
    `${cell.hitRatio === null ? '—' : `${round(cell.hitRatio * 100, 2)} %`} | ${cell.roundTripsPerRequest ?? '—'} | ${cell.errors} | ${cell.loadAverage} | ${cell.cpu?.otherCores ?? '—'} |`;
  const comparison = (workload: Workload) => {
    const off = cellOf(workload, 'off');
    const on = cellOf(workload, 'on');
    if (!off || !on) return undefined;
    const times = off.throughput > 0 ? `${round(on.throughput / off.throughput, 2)} ×` : '—';
    return `| ${title(workload)} | ${off.throughput} | ${on.throughput} | ${times} | ${off.p50Ms} | ${on.p50Ms} | ${off.p99Ms} | ${on.p99Ms} |`;
  };
  const compared = result.answers.reduce((sum, check) => sum + check.compared, 0);
  const identical = result.answers.reduce((sum, check) => sum + check.identical, 0);
  const secondHits = result.answers.reduce((sum, check) => sum + check.hits, 0);
  const smoke = settings.scale === 'tiny' || settings.durationSeconds < MEASUREMENT.durationSeconds;
  const environment = Object.entries(result.responseCacheEnvironment).map(([name, value]) => `${name}=${value}`);
  return [
    `# The response cache under a skewed workload, ${result.ranAt}`,
    '',
    ...(smoke
      ? [`**A smoke run** (tiny corpus, or under ${MEASUREMENT.durationSeconds} s a cell): it shows that the benchmark works, not what the cache does. Measure with \`npm run bench:response-cache\` on a quiet machine.`, '']
      : []),
    `\`${result.command}\`: the ${settings.scale} corpus (${result.corpus.entities.toLocaleString('en-US')} entities, ${result.corpus.relations.toLocaleString('en-US')} relations), the service as a child process with fair use off, as the main benchmark runs it, with \`RESPONSE_CACHE_ENABLED\` false then true (${environment.length > 0 ? environment.join(', ') : 'the other settings at their defaults: 64 MiB, 10,000 answers, 60 s'}). Requests: each operation's ${settings.samples} sampled arguments (the main benchmark's, \`samplesFor\` in bench/workload.ts) drawn by Zipf's law with s = ${settings.zipfExponent}, a sequence of ${settings.sequenceLength.toLocaleString('en-US')} per workload replayed in a cycle; "mix" draws the operation too. Each cell: a service of its own (so the cache starts empty), first with the cache off, then on, for each workload; autocannon in a process of its own, ${settings.concurrency} connections, ${settings.durationSeconds} s after ${settings.warmupSeconds} s of warm-up on the same sequence.`,
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}. Neo4j heap ${settings.neo4jHeap}, page cache ${settings.pageCacheMb} MB.`,
    '',
    'Nothing writes during the run, so the cache is never emptied: these are the most it gains on this workload. Every write through the service empties it, and the reads after a write run again. These figures are apart from, and never mixed into, the uncached ones of `npm run bench`.',
    '',
    '## Off against on',
    '',
    '| workload | req/s off | req/s on | on / off | p50 ms off | p50 ms on | p99 ms off | p99 ms on |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...workloads.map(comparison).filter((line): line is string => line !== undefined),
    '',
    '## Every cell',
    '',
    '| workload | distinct requests | cache | req/s | p50 ms | p99 ms | hit ratio | Cypher round trips / request | errors | load avg (1 min) | other work (cores) |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...result.cells.map(row),
    '',
    `The hit ratio is the service's own (\`borderkg_response_cache_hits_total\` and \`_misses_total\` over the timed window); a request is a miss the first time it comes (in the warm-up, or in the timed window when the warm-up did not reach it) and a hit after, so it approaches the share of repeats in the sequence as the warm-up gets longer. "Other work" is CPU used during the cell by processes other than the benchmark's own (this process, the service, its Neo4j, the load tool); figures from a machine with other work are not comparable.`,
    '',
    `Answers: the first ${ANSWER_CHECKS} distinct requests of each workload, asked with the cache off, then twice with it on: ${identical} of ${compared} answers with the cache on byte for byte those with it off; ${secondHits} of ${compared / 2} second askings answered from the cache.`,
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(`bench:response-cache failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(1);
});
