import os from 'node:os';
import { Corpus, DEFAULT_SEED } from './generator/corpus';
import { parseArgs, scaleArg } from './lib/args';
import { startLoadedNeo4j } from './lib/bench-neo4j';
import { cpuSnapshot, cpuUse, type CpuUse } from './lib/cpu';
import { describeMachine, runLoad, startServer, warmNeo4j } from './lib/processes';
import { round } from './lib/stats';
import { writeLatest } from './report';
import { LAYER_PARTS, type LayerPart } from './servers/layers';
import { requestFor, samplesFor, type ContenderName } from './workload';

/**
 * `npm run bench:breakdown` (issue 15, part 1): where one request's time goes. The same load
 * (autocannon in its own process, `--concurrency` connections) against the service's stack built
 * up one layer at a time (bench/servers/layer-server.ts): node:http alone, then Express, the
 * request log, helmet, Apollo Server with the schema, each plugin, the request's context; first
 * for `{ __typename }` (no database), then for operation A (an entity and 20 relations), beside
 * the whole service and the hand-written Cypher floor. One server at a time, so each cell has
 * the machine to itself. Results: bench/results/breakdown-latest.md (and raw/breakdown-latest.json).
 */
const USAGE = 'npm run bench:breakdown -- [--scale small] [--duration 10] [--warmup 3] [--neo4j-warmup 10] [--concurrency 16] [--samples 200]';

interface Variant {
  name: string;
  /** Layers of layer-server.ts switched on, or a contender of the main benchmark. */
  layers: readonly LayerPart[] | ContenderName;
}

const upTo = (last: LayerPart): LayerPart[] => LAYER_PARTS.slice(0, LAYER_PARTS.indexOf(last) + 1);

const TYPENAME_VARIANTS: Variant[] = [
  { name: 'node:http, a fixed answer', layers: [] },
  { name: '+ Express 5 and its JSON body parser', layers: upTo('express') },
  { name: '+ request log (pino-http, one line per request)', layers: upTo('request-log') },
  { name: '+ helmet and the /graphql headers', layers: upTo('helmet') },
  { name: '+ Apollo Server 5 and the schema (graphql-js, type-graphql)', layers: upTo('apollo') },
  { name: '+ error-logging plugin', layers: upTo('error-logging') },
  { name: '+ request-trace plugin (round-trip header)', layers: upTo('request-trace') },
  { name: '+ read-access plugin (auth)', layers: upTo('read-access') },
  { name: '+ metrics plugin', layers: upTo('metrics') },
  { name: '+ limits: depth, aliases, tokens, cost', layers: upTo('limits') },
  { name: '+ fair use: budgets and the heavy-operation bound', layers: upTo('fair-use') },
  { name: "+ the request's context (every domain's loaders)", layers: upTo('app-context') },
  { name: 'the service itself (startBorderKg)', layers: 'border-kg' },
];

const OPERATION_A_VARIANTS: Variant[] = [
  { name: 'Apollo Server, schema and context, no plugins, no request log', layers: ['express', 'apollo', 'app-context'] },
  { name: 'every layer (as the service)', layers: upTo('app-context') },
  { name: 'the service itself (startBorderKg)', layers: 'border-kg' },
  { name: 'hand-written Cypher behind node:http (floor)', layers: 'cypher' },
];

interface Cell {
  operation: '{ __typename }' | 'A';
  variant: string;
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  loadAverage: number;
  cpu: CpuUse | undefined;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.has('help')) {
    console.log(USAGE);
    return;
  }
  const [scale] = scaleArg(args.get('scale'), 'small');
  const durationSeconds = Number(args.get('duration') ?? 10);
  const warmupSeconds = Number(args.get('warmup') ?? 3);
  const neo4jWarmupSeconds = Number(args.get('neo4j-warmup') ?? 10);
  const connections = Number(args.get('concurrency') ?? 16);
  const sampleCount = Number(args.get('samples') ?? 200);
  const say = (line: string) => console.log(line);

  const { neo4j } = await startLoadedNeo4j(scale!, DEFAULT_SEED, { heap: '4g', pageCacheMb: 4096 }, say);
  const cells: Cell[] = [];
  try {
    const corpus = new Corpus(scale!, DEFAULT_SEED);
    const samples = samplesFor('A', corpus, sampleCount);
    const bodiesOf = (contender: ContenderName, operation: Cell['operation']) =>
      operation === '{ __typename }'
        ? [JSON.stringify({ query: '{ __typename }' })]
        : samples.map((sample) => requestFor(contender, 'A', sample)!.body);

    const measure = async (operation: Cell['operation'], variant: Variant) => {
      const contender: ContenderName = typeof variant.layers === 'string' ? variant.layers : 'border-kg';
      const server =
        typeof variant.layers === 'string'
          ? await startServer(variant.layers, neo4j)
          : await startServer('border-kg', neo4j, { entry: 'layer-server.js', env: { BENCH_LAYERS: variant.layers.join(',') } });
      try {
        const path = contender === 'cypher' ? '/cypher/A' : '/graphql';
        const job = { url: server.url, path, bodies: bodiesOf(contender, operation), timeoutSeconds: 30 };
        if (warmupSeconds > 0) await runLoad({ ...job, connections, durationSeconds: warmupSeconds });
        const ours = [neo4j.pid, server.pid, process.pid];
        const loadAverage = round(os.loadavg()[0]!);
        const before = cpuSnapshot(ours);
        const result = await runLoad({ ...job, connections, durationSeconds });
        const cpu = cpuUse(before, cpuSnapshot(ours), result.cpuSeconds);
        cells.push({ operation, variant: variant.name, throughput: round(result.throughput, 1), p50Ms: result.latencyMs.p50, p99Ms: result.latencyMs.p99, errors: result.errors, loadAverage, cpu });
        say(`${operation} | ${variant.name}: ${result.throughput.toFixed(1)} req/s, p50 ${result.latencyMs.p50} ms, errors ${result.errors}${cpu ? `, other work ${cpu.otherCores} cores` : ''}${result.firstError ? ` (${result.firstError.slice(0, 160)})` : ''}`);
      } finally {
        await server.stop();
      }
    };
    for (const variant of TYPENAME_VARIANTS) await measure('{ __typename }', variant);
    // As in run.ts: operation A through the service and through the floor, unmeasured, before
    // A's first cell; without it that cell meets a cold JVM and page cache and looks slowest.
    await warmNeo4j(neo4j, ['border-kg', 'cypher'], neo4jWarmupSeconds, (contender, url) => [
      { url, path: contender === 'cypher' ? '/cypher/A' : '/graphql', bodies: bodiesOf(contender, 'A'), timeoutSeconds: 30, connections },
    ], say);
    for (const variant of OPERATION_A_VARIANTS) await measure('A', variant);
  } finally {
    await neo4j.stop();
  }
  const result = { ranAt: new Date().toISOString(), command: `npm run bench:breakdown -- ${process.argv.slice(2).join(' ')}`.trim(), machine: describeMachine(), scale, durationSeconds, connections, cells };
  writeLatest('breakdown', result, markdown(result));
  say(markdown(result));
}

function markdown(result: { ranAt: string; command: string; machine: ReturnType<typeof describeMachine>; scale: string | undefined; durationSeconds: number; connections: number; cells: Cell[] }): string {
  const { machine } = result;
  const table = (operation: Cell['operation']) => {
    const rows = result.cells.filter((cell) => cell.operation === operation);
    let previous: number | undefined;
    const lines = rows.map((cell) => {
      // Microseconds per request at this throughput, and what this layer added to the one before.
      const perRequestUs = cell.throughput > 0 ? 1e6 / cell.throughput : NaN;
      const added = previous !== undefined ? round(perRequestUs - previous, 0) : undefined;
      previous = perRequestUs;
      return `| ${cell.variant} | ${cell.throughput} | ${round(perRequestUs, 0)} | ${added === undefined ? '' : added > 0 ? `+${added}` : added} | ${cell.p50Ms} | ${cell.p99Ms} | ${cell.errors} | ${cell.loadAverage} | ${cell.cpu?.otherCores ?? '—'} |`;
    });
    return [
      '| stack | req/s | µs per request (1 / req/s) | added by this layer | p50 ms | p99 ms | errors | load avg | other work (cores) |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...lines,
    ].join('\n');
  };
  return [
    '# Where a request goes: the stack layer by layer (issue 15, part 1)',
    '',
    `Run ${result.ranAt} with \`${result.command}\` on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}.`,
    `Each cell: ${result.durationSeconds} s at ${result.connections} connections after a warm-up, one server at a time, the ${result.scale} corpus's Neo4j, warmed before operation A's first cell by A through the service and the floor, unmeasured (\`--neo4j-warmup\`). "µs per request" is 1 / throughput: with the load tool keeping the server saturated, the time its one JavaScript thread spends per request (for operation A, Neo4j's share is in it too, as the floor's row shows); the difference between two rows is what the added layer costs. "Other work" is CPU used by processes outside the benchmark during the cell.`,
    '',
    '## `{ __typename }`: the fixed cost, no database',
    '',
    table('{ __typename }'),
    '',
    '## Operation A: an entity by id and its first 20 relations with the other ends\' names',
    '',
    table('A'),
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exitCode = 1;
});
