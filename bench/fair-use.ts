import os from 'node:os';
import { DEFAULT_SEED, Corpus, type ScaleName } from './generator/corpus';
import { parseArgs, scaleArg } from './lib/args';
import { startLoadedNeo4j } from './lib/bench-neo4j';
import { cpuSnapshot, cpuUse, type CpuUse } from './lib/cpu';
import { describeMachine, runLoad, startServer, type RunningServer } from './lib/processes';
import { Prng } from './lib/prng';
import { loadAverage, percentile, round } from './lib/stats';
import type { LoadResult } from './load-worker';
import { writeLatest } from './report';

/**
 * `npm run bench:fair-use`: issue 16's fair-use target. A light lookup (`entity(name:)`) is
 * timed one call after another, first on an idle service, then while `--clients` clients (20)
 * run heavy queries (cost 1,000 or more: neighbourhoods of 500, pages of 100 with their
 * relations) without pause, once with the bound on concurrent heavy operations
 * (FAIR_USE_HEAVY_CONCURRENCY, `--heavy-concurrency`) and once without it. Target: with the
 * bound, the loaded light p99 stays under 5 × its unloaded p99.
 *
 * The service runs as the main benchmark runs it (a child process, on the corpus of a scale);
 * the heavy clients are autocannon connections in a process of their own, so that neither
 * shares this process's event loop with the light lookups it times. All of them are one
 * anonymous client, so the budgets are set out of reach (their X-RateLimit-Used tells each
 * operation's cost). Beside each figure: the load average and the CPU of other work.
 * Results: bench/results/fair-use-latest.md and bench/results/raw/fair-use-latest.json.
 */
const USAGE = `npm run bench:fair-use -- [--scale small] [--clients 20] [--duration 30] [--light-calls 300] [--heavy-concurrency N] [--seed ${DEFAULT_SEED}] [--heap 4g] [--pagecache-mb 4096]`;

/** The target: loaded light p99 under this many times the unloaded one. */
const TARGET_RATIO = 5;
const WARMUP_CALLS = 20;
/** Heavy clients run this long before light lookups are timed under their load. */
const RAMP_SECONDS = 3;
/** Shorter or smaller runs are smoke tests: their results say so. */
const MEASUREMENT = { durationSeconds: 30, lightCalls: 300 };
/** Out of reach of any run: the budgets only report costs here. */
const UNSPENDABLE_BUDGET = String(10 ** 12);

const LIGHT = 'query Light($name: String!) { entity(name: $name) { id name kind } }';
/** Each within the default MAX_QUERY_COST (10,000) and over the default FAIR_USE_HEAVY_COST (1,000). */
const HEAVY = {
  neighborhood: 'query HeavyNeighborhood($id: ID!) { neighborhood(id: $id, depth: 2, limit: 500) { nodes { id name kind } relations { id type from { id } to { id } } } }',
  relations: `query HeavyRelations($id: ID!) { entity(id: $id) { id name
  relations(first: 100) { totalCount edges { node { id type evidence { quote article { id title } } from { id name kind } to { id name kind } } } }
  mentions(first: 100) { totalCount edges { node { sentence article { id title } } } } } }`,
  entities: 'query HeavyEntities { entities(first: 100) { totalCount edges { node { id name kind aliases description relations(first: 5) { edges { node { type to { name } } } } } } } }',
};

interface Latency {
  calls: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

interface ModeResult {
  mode: 'bounded' | 'unbounded';
  /** FAIR_USE_HEAVY_CONCURRENCY of the run; 0 is no bound. */
  heavyConcurrency: number;
  /** Estimated cost of each operation, as the service charged it. */
  costs: Record<string, number>;
  unloaded: Latency & { loadAverage: number[]; cpu: CpuUse | undefined };
  loaded: Latency & { loadAverage: number[]; cpu: CpuUse | undefined };
  /** Loaded light p99 over unloaded light p99. */
  p99Ratio: number;
  heavy: Pick<LoadResult, 'requests' | 'throughput' | 'latencyMs' | 'non2xx' | 'graphqlErrors' | 'timeouts' | 'firstError'>;
}

/** What bench/results/raw/fair-use-latest.json holds. */
interface FairUseBenchResult {
  ranAt: string;
  command: string;
  machine: ReturnType<typeof describeMachine>;
  settings: { scale: ScaleName; seed: string; clients: number; durationSeconds: number; lightCalls: number; neo4jHeap: string; pageCacheMb: number };
  /** FAIR_USE_* settings given in the environment, beside the budgets and bound this bench sets. */
  fairUseEnvironment: Record<string, string>;
  corpus: { entities: number; relations: number; mentions: number };
  modes: ModeResult[];
}

function say(line: string) {
  console.log(`[bench:fair-use ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

interface Answer {
  ms: number;
  ok: boolean;
  used: number;
  body: string;
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await response.text();
  return { ms: performance.now() - started, ok: response.status === 200 && !body.includes('"errors":['), used: Number(response.headers.get('x-ratelimit-used')), body };
}

function latency(answers: Answer[]): Latency {
  const sorted = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  return {
    calls: answers.length,
    errors: answers.filter((answer) => !answer.ok).length,
    p50Ms: round(percentile(sorted, 0.5), 1),
    p99Ms: round(percentile(sorted, 0.99), 1),
    maxMs: round(sorted[sorted.length - 1] ?? 0, 1),
  };
}

/** Names of entities of every kind but articles, any entity as likely as another. */
function lightNames(corpus: Corpus, count: number): string[] {
  const rng = new Prng(`${corpus.seed}/${corpus.spec.name}/fair-use/light`);
  const pools = Object.values(corpus.pools);
  return Array.from({ length: count }, () => {
    const pool = rng.pick(pools);
    return pool[rng.int(pool.length)]!.name;
  });
}

/** Heavy requests on the corpus's hubs, where neighbourhoods and relation pages are full. */
function heavyBodies(corpus: Corpus): string[] {
  const rng = new Prng(`${corpus.seed}/${corpus.spec.name}/fair-use/heavy`);
  const pools = Object.values(corpus.pools);
  const hub = () => {
    const pool = rng.pick(pools);
    return pool[rng.skewed(pool.length, 4)]!.id;
  };
  return Array.from({ length: 60 }, (_, index) => {
    const query = [HEAVY.neighborhood, HEAVY.relations, HEAVY.entities][index % 3]!;
    return JSON.stringify({ query, variables: query === HEAVY.entities ? {} : { id: hub() } });
  });
}

async function measureMode(
  mode: ModeResult['mode'],
  heavyConcurrency: number,
  neo4j: { uri: string; username: string; password: string; pid: number },
  work: { names: string[]; bodies: string[]; clients: number; durationSeconds: number; lightCalls: number },
): Promise<ModeResult> {
  // The server child is started with this process's environment (bench/servers/border-kg-server.ts reads FAIR_USE_*).
  Object.assign(process.env, {
    FAIR_USE_COST_BUDGET: UNSPENDABLE_BUDGET,
    FAIR_USE_WRITE_BUDGET: UNSPENDABLE_BUDGET,
    FAIR_USE_HEAVY_CONCURRENCY: String(heavyConcurrency),
  });
  say(`${mode}: starting the service (FAIR_USE_HEAVY_CONCURRENCY=${heavyConcurrency})`);
  const server: RunningServer = await startServer('border-kg', neo4j);
  try {
    const ours = [process.pid, server.pid, neo4j.pid];
    // Each heavy kind once, one at a time: it must answer, and its cost must make it heavy.
    const costs: Record<string, number> = {};
    let used = 0;
    for (const body of [...new Set(work.bodies.slice(0, 3))]) {
      const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
      const answer = await post(server.url, query, variables);
      if (!answer.ok) throw new Error(`a heavy query failed: ${answer.body.slice(0, 500)}`);
      costs[/query (\w+)/.exec(query)![1]!] = answer.used - used;
      used = answer.used;
    }
    const light = await post(server.url, LIGHT, { name: work.names[0] });
    costs.Light = light.used - used;

    for (let index = 0; index < WARMUP_CALLS; index++) await post(server.url, LIGHT, { name: work.names[index % work.names.length] });
    const idleStart = { cpu: cpuSnapshot(ours), load: loadAverage() };
    const idle: Answer[] = [];
    for (let index = 0; index < work.lightCalls; index++) idle.push(await post(server.url, LIGHT, { name: work.names[index % work.names.length] }));
    const unloaded = { ...latency(idle), loadAverage: idleStart.load, cpu: cpuUse(idleStart.cpu, cpuSnapshot(ours), 0) };
    say(`${mode}: unloaded light p50 ${unloaded.p50Ms} ms, p99 ${unloaded.p99Ms} ms over ${unloaded.calls} calls`);

    const heavyLoad = runLoad({
      url: server.url,
      path: '/graphql',
      bodies: work.bodies,
      connections: work.clients,
      durationSeconds: RAMP_SECONDS + work.durationSeconds,
      timeoutSeconds: 60,
    });
    await new Promise((resolve) => setTimeout(resolve, RAMP_SECONDS * 1000));
    const busyStart = { cpu: cpuSnapshot(ours), load: loadAverage() };
    const busy: Answer[] = [];
    const until = performance.now() + work.durationSeconds * 1000;
    for (let index = 0; performance.now() < until; index++) busy.push(await post(server.url, LIGHT, { name: work.names[index % work.names.length] }));
    const busyEnd = cpuSnapshot(ours);
    const heavy = await heavyLoad;
    // The load tool's CPU is counted over its whole run, ramp included: an upper bound for the window.
    const loaded = { ...latency(busy), loadAverage: busyStart.load, cpu: cpuUse(busyStart.cpu, busyEnd, heavy.cpuSeconds) };
    const p99Ratio = round(loaded.p99Ms / Math.max(unloaded.p99Ms, 0.1), 2);
    say(
      `${mode}: loaded light p50 ${loaded.p50Ms} ms, p99 ${loaded.p99Ms} ms over ${loaded.calls} calls (${p99Ratio} × unloaded); ` +
        `heavy ${heavy.requests} answered, ${heavy.non2xx} refused, p99 ${heavy.latencyMs.p99} ms`,
    );
    const { requests, throughput, latencyMs, non2xx, graphqlErrors, timeouts, firstError } = heavy;
    return {
      mode,
      heavyConcurrency,
      costs,
      unloaded,
      loaded,
      p99Ratio,
      heavy: { requests, throughput: round(throughput, 1), latencyMs, non2xx, graphqlErrors, timeouts, firstError },
    };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.has('help')) {
    console.log(USAGE);
    return;
  }
  const [scale] = scaleArg(args.get('scale'), 'small');
  if (args.get('scale')?.includes(',')) throw new Error('--scale: one scale at a time');
  const seed = args.get('seed') ?? DEFAULT_SEED;
  const clients = Number(args.get('clients') ?? 20);
  const durationSeconds = Number(args.get('duration') ?? 30);
  const lightCalls = Number(args.get('light-calls') ?? 300);
  // The service's default (src/config/config.ts): half the cores, at least one.
  const heavyConcurrency = Number(args.get('heavy-concurrency') ?? Math.max(1, Math.floor(os.availableParallelism() / 2)));
  const heap = args.get('heap') ?? '4g';
  const pageCacheMb = Number(args.get('pagecache-mb') ?? 4096);
  for (const [name, value] of Object.entries({ clients, duration: durationSeconds, 'light-calls': lightCalls, 'heavy-concurrency': heavyConcurrency })) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name}: expected a positive integer, got "${args.get(name)}"`);
  }

  const given = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[0].startsWith('FAIR_USE_') && entry[1] !== undefined),
  );
  const { neo4j, report } = await startLoadedNeo4j(scale!, seed, { heap, pageCacheMb }, say);
  try {
    say(`${scale}: Neo4j at ${neo4j.uri}; ${report.entities} entities, ${report.relations} relations`);
    const corpus = new Corpus(scale!, seed);
    const work = { names: lightNames(corpus, 500), bodies: heavyBodies(corpus), clients, durationSeconds, lightCalls };
    const ranAt = new Date().toISOString();
    const modes = [await measureMode('bounded', heavyConcurrency, neo4j, work), await measureMode('unbounded', 0, neo4j, work)];
    const result: FairUseBenchResult = {
      fairUseEnvironment: given,
      ranAt,
      command: `npm run bench:fair-use -- ${process.argv.slice(2).join(' ')}`.trim(),
      machine: describeMachine(),
      settings: { scale: scale!, seed, clients, durationSeconds, lightCalls, neo4jHeap: heap, pageCacheMb },
      corpus: { entities: report.entities, relations: report.relations, mentions: report.mentions },
      modes,
    };
    writeLatest('fair-use', result, markdown(result));
    say('Wrote bench/results/fair-use-latest.md and bench/results/raw/fair-use-latest.json');
  } finally {
    await neo4j.stop();
  }
}

/** The other fair-use settings of the run: the service's defaults unless the environment gave some. */
function settingsGiven(environment: Record<string, string>): string {
  const given = Object.entries(environment).filter(([name]) => !['FAIR_USE_COST_BUDGET', 'FAIR_USE_WRITE_BUDGET', 'FAIR_USE_HEAVY_CONCURRENCY'].includes(name));
  return given.length > 0
    ? given.map(([name, value]) => `${name}=${value}`).join(', ')
    : 'otherwise the defaults: heavy from cost 1,000, a queue of 50 waiting at most 10 s';
}

function markdown(result: FairUseBenchResult): string {
  const { machine, settings, modes } = result;
  const bounded = modes.find((mode) => mode.mode === 'bounded')!;
  const load = (values: number[]) => values.join(' / ');
  const boundName = (mode: ModeResult) => (mode.heavyConcurrency > 0 ? `${mode.heavyConcurrency} at a time` : 'none');
  const lightRow = (mode: ModeResult, phase: 'unloaded' | 'loaded') => {
    const figures = mode[phase];
    return `| ${boundName(mode)} | ${phase} | ${figures.calls} | ${figures.errors} | ${figures.p50Ms} | ${figures.p99Ms} | ${figures.maxMs} | ${load(figures.loadAverage)} | ${figures.cpu?.otherCores ?? '—'} |`;
  };
  const heavyRow = (mode: ModeResult) =>
    `| ${boundName(mode)} | ${mode.heavy.requests} | ${mode.heavy.throughput} | ${mode.heavy.latencyMs.p50} | ${mode.heavy.latencyMs.p99} | ${mode.heavy.non2xx} | ${mode.heavy.timeouts} |`;
  const costs = Object.entries(bounded.costs).map(([name, cost]) => `${name} ${cost}`).join(', ');
  const smoke = settings.scale === 'tiny' || settings.durationSeconds < MEASUREMENT.durationSeconds || settings.lightCalls < MEASUREMENT.lightCalls;
  return [
    `# Fair use under heavy load, ${result.ranAt}`,
    '',
    ...(smoke
      ? [`**A smoke run** (tiny corpus, or under ${MEASUREMENT.durationSeconds} s or ${MEASUREMENT.lightCalls} light calls): it shows that the benchmark works, not what the service does. Measure with \`npm run bench:fair-use\` on a quiet machine.`, '']
      : []),
    `\`${result.command}\`: the ${settings.scale} corpus (${result.corpus.entities.toLocaleString('en-US')} entities, ${result.corpus.relations.toLocaleString('en-US')} relations), the service as a child process as the main benchmark runs it. A light \`entity(name:)\` lookup is timed one call after another from this process: ${settings.lightCalls} calls on the idle service, then for ${settings.durationSeconds} s while ${settings.clients} clients (autocannon connections, in a process of their own) run heavy queries without pause, after ${RAMP_SECONDS} s of ramp. Once with the bound on concurrent heavy operations (FAIR_USE_HEAVY_CONCURRENCY=${bounded.heavyConcurrency}; ${settingsGiven(result.fairUseEnvironment)}), once without (FAIR_USE_HEAVY_CONCURRENCY=0). Estimated costs, as the service charged them: ${costs}.`,
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}. Neo4j heap ${settings.neo4jHeap}, page cache ${settings.pageCacheMb} MB.`,
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    `| with the bound, loaded light p99 under ${TARGET_RATIO} × its unloaded p99 | ${bounded.loaded.p99Ms} ms against ${bounded.unloaded.p99Ms} ms: ${bounded.p99Ratio} × | ${bounded.p99Ratio < TARGET_RATIO ? 'met' : '**missed**'} |`,
    ...modes.filter((mode) => mode !== bounded).map((mode) => `| (without the bound, for comparison) | ${mode.loaded.p99Ms} ms against ${mode.unloaded.p99Ms} ms: ${mode.p99Ratio} × | |`),
    '',
    '## Light lookups (ms, client side, HTTP included)',
    '',
    '| heavy bound | phase | calls | errors | p50 | p99 | max | load 1 / 5 / 15 min | other CPU (cores) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...modes.flatMap((mode) => [lightRow(mode, 'unloaded'), lightRow(mode, 'loaded')]),
    '',
    '## Heavy clients (ramp included)',
    '',
    '| heavy bound | answered | per second | p50 (ms) | p99 (ms) | refused (503 SERVER_BUSY, other non-2xx) | timeouts (60 s) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...modes.map(heavyRow),
    '',
    '"Other CPU": cores busy with work other than this process, the service, its Neo4j and the load tool, over the timed window; figures from a machine with other work are not comparable. With the bound, heavy operations beyond it wait in the queue (their latency includes the wait), and those that find it full or wait past its limit are refused.',
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(`bench:fair-use failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
