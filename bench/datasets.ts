import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getRandomPort } from 'get-port-please';
import { createLogger, DatasetImporter, DatasetRepository, loadConfig, parseMapping, startBorderKg, type ImportProgress } from '../src/index';
import { DEFAULT_SEED } from './generator/corpus';
import { parseArgs } from './lib/args';
import { withFreshNeo4j } from './lib/bench-neo4j';
import { cpuSnapshot, cpuUse, type CpuUse } from './lib/cpu';
import { Prng } from './lib/prng';
import { describeMachine } from './lib/processes';
import { loadAverage, percentile, round } from './lib/stats';
import { writeLatest } from './report';

/**
 * `npm run bench:datasets`: issue 13's scale targets for official datasets. Writes N synthetic
 * rows in the shape of CBP's encounters file (the same columns; ten fiscal years of months and
 * enough citizenship groups for N rows) to a CSV file, imports it with the service's importer
 * (`npm run import` does the same) into a fresh local Neo4j, and records the seconds and rows/s
 * (target: 1 M rows in under 2 minutes). Then starts the service on that Neo4j and asks the API
 * for a series of 12 months summed over every dimension, `--calls` times one after another
 * (target: p50 under 100 ms), and, for comparison, the same months filtered on two dimensions,
 * which the observations answer. Beside each figure: the machine's load average and the CPU
 * other work used. Results: bench/results/datasets-latest.md and bench/results/raw/datasets-latest.json.
 */
const USAGE = `npm run bench:datasets -- [--rows 1000000] [--calls 200] [--seed ${DEFAULT_SEED}] [--heap 2g] [--pagecache-mb 2048]`;

const DATASET_ID = 'dataset:bench-synthetic-encounters';
const HEADER = ['Fiscal Year', 'Month Grouping', 'Month (abbv)', 'Component', 'Demographic', 'Citizenship Grouping', 'Title of Authority', 'Encounter Type', 'Encounter Count'];
const MONTHS = ['OCT', 'NOV', 'DEC', 'JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP'];
/** Fiscal years 2016 to 2025, the last labelled as CBP labels the year under way. */
const FISCAL_YEARS = Array.from({ length: 10 }, (_, index) => 2016 + index);
const COMPONENTS = ['U.S. Border Patrol', 'Office of Field Operations'];
const DEMOGRAPHICS = ['Single Adults', 'FMUA', 'UAC', 'Accompanied Minors'];
const TITLES = ['Title 8', 'Title 42'];
const ENCOUNTER_TYPES = ['Apprehensions', 'Inadmissibles', 'Expulsions'];
/** The series measured: fiscal year 2025's twelve months. */
const WINDOW = { from: '2024-10-01', to: '2025-09-30' };
const WARMUP_CALLS = 20;
/** The filtered series reads ~12/120 of the observations per call: fewer calls suffice. */
const FILTERED_CALLS = 20;

const SERIES_QUERY = `query BenchSeries($filter: [DimensionFilter!]) {
  series(datasetId: "${DATASET_ID}", granularity: MONTH, from: "${WINDOW.from}", to: "${WINDOW.to}", filter: $filter) { points { period { label } value } total }
}`;
const TWO_DIMENSIONS = [
  { name: 'Component', values: ['U.S. Border Patrol'] },
  { name: 'Demographic', values: ['Single Adults', 'FMUA'] },
];

interface Latency {
  calls: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  loadAverage: number[];
  cpu: CpuUse | undefined;
}

/** What bench/results/raw/datasets-latest.json holds. */
interface DatasetsBenchResult {
  ranAt: string;
  command: string;
  machine: ReturnType<typeof describeMachine>;
  settings: { rows: number; calls: number; seed: string; months: number; citizenshipGroups: number; neo4jHeap: string; pageCacheMb: number };
  file: { megabytes: number; generateSeconds: number };
  import: {
    seconds: number;
    rowsPerSecond: number;
    /** Reading and validating every row, summing the pre-aggregates. */
    checkSeconds: number;
    /** Reading again and staging the observations, the sums, then publishing. */
    writeSeconds: number;
    peakRssMb: number;
    loadAverage: { start: number[]; end: number[] };
    cpu: CpuUse | undefined;
  };
  series: Latency & { total: number; expectedTotal: number };
  filteredSeries: Latency;
}


function say(line: string) {
  console.log(`[bench:datasets ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/**
 * Writes `rows` rows, evenly over the ten fiscal years' months, each month going through the
 * combinations of the dimensions; returns the sum of the window's counts (what the series must answer).
 */
async function writeCsv(file: string, rows: number, seed: string): Promise<{ citizenshipGroups: number; windowTotal: number }> {
  const prng = new Prng(seed);
  const months = FISCAL_YEARS.length * MONTHS.length;
  const perMonth = Math.ceil(rows / months);
  const combinations = COMPONENTS.length * DEMOGRAPHICS.length * TITLES.length * ENCOUNTER_TYPES.length;
  const citizenshipGroups = Math.ceil(perMonth / combinations);
  const citizenships = Array.from({ length: citizenshipGroups }, (_, index) => `Country ${String(index + 1).padStart(3, '0')}`);
  const out = createWriteStream(file);
  out.write(`${HEADER.join(',')}\r\n`);
  let written = 0;
  let windowTotal = 0;
  let chunk: string[] = [];
  for (const fiscalYear of FISCAL_YEARS) {
    const yearLabel = fiscalYear === FISCAL_YEARS[FISCAL_YEARS.length - 1] ? `${fiscalYear} (FYTD)` : String(fiscalYear);
    for (const month of MONTHS) {
      for (let index = 0; index < perMonth && written < rows; index++, written++) {
        const combination = index % combinations;
        const count = 1 + prng.int(2000);
        if (fiscalYear === 2025) windowTotal += count;
        chunk.push(
          [
            yearLabel,
            'FYTD',
            month,
            COMPONENTS[combination % 2],
            DEMOGRAPHICS[Math.floor(combination / 2) % 4],
            citizenships[Math.floor(index / combinations)],
            TITLES[Math.floor(combination / 8) % 2],
            ENCOUNTER_TYPES[Math.floor(combination / 16) % 3],
            count,
          ].join(','),
        );
        if (chunk.length === 10_000) {
          if (!out.write(`${chunk.join('\r\n')}\r\n`)) await once(out, 'drain');
          chunk = [];
        }
      }
    }
  }
  out.end(chunk.length > 0 ? `${chunk.join('\r\n')}\r\n` : '');
  await once(out, 'finish');
  return { citizenshipGroups, windowTotal };
}

async function measure(url: string, calls: number, filter: unknown, pids: number[]): Promise<Latency & { total: number }> {
  const call = async () => {
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SERIES_QUERY, variables: { filter } }) });
    const body = (await response.json()) as { data?: { series: { total: number; points: unknown[] } }; errors?: unknown[] };
    if (body.errors || body.data?.series.points.length !== 12) throw new Error(`the series failed: ${JSON.stringify(body).slice(0, 500)}`);
    return { ms: performance.now() - started, total: body.data.series.total };
  };
  for (let index = 0; index < WARMUP_CALLS; index++) await call();
  const before = cpuSnapshot(pids);
  const latencies: number[] = [];
  let total = 0;
  for (let index = 0; index < calls; index++) {
    const { ms, total: answered } = await call();
    latencies.push(ms);
    total = answered;
  }
  latencies.sort((a, b) => a - b);
  return {
    calls,
    p50Ms: round(percentile(latencies, 0.5), 1),
    p95Ms: round(percentile(latencies, 0.95), 1),
    maxMs: round(latencies[latencies.length - 1]!, 1),
    loadAverage: loadAverage(),
    cpu: cpuUse(before, cpuSnapshot(pids), 0),
    total,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.has('help')) {
    console.log(USAGE);
    return;
  }
  const rows = Number(args.get('rows') ?? 1_000_000);
  const calls = Number(args.get('calls') ?? 200);
  if (!Number.isInteger(rows) || rows < 12 * 10 * 48) throw new Error(`--rows: expected an integer of at least ${12 * 10 * 48}, got "${args.get('rows')}"`);
  if (!Number.isInteger(calls) || calls <= 0) throw new Error(`--calls: expected a positive integer, got "${args.get('calls')}"`);
  const seed = args.get('seed') ?? DEFAULT_SEED;
  // The local Neo4j of `npm run import` has the service's settings unless told otherwise.
  const config = loadConfig();
  const heap = args.get('heap') ?? config.localNeo4j.heap;
  const pageCacheMb = Number(args.get('pagecache-mb') ?? config.localNeo4j.pageCacheMb);

  const folder = mkdtempSync(path.join(os.tmpdir(), 'border-kg-bench-datasets-'));
  const file = path.join(folder, 'synthetic-encounters.csv');
  try {
    say(`Writing ${rows.toLocaleString('en-US')} synthetic rows (seed ${seed}) to ${file}...`);
    const generateStarted = performance.now();
    const { citizenshipGroups, windowTotal } = await writeCsv(file, rows, seed);
    const generateSeconds = (performance.now() - generateStarted) / 1000;
    const megabytes = round(statSync(file).size / 2 ** 20, 1);

    await withFreshNeo4j('datasets', { heap, pageCacheMb }, async (neo4j) => {
      const { executor } = neo4j;
      say(`Fresh Neo4j at ${neo4j.uri} (heap ${heap}, page cache ${pageCacheMb} MB); importing ${megabytes} MB...`);

      const mapping = parseMapping({
        dataset: { id: DATASET_ID, title: 'Synthetic encounters (benchmark)' },
        release: { label: 'Synthetic', publishedOn: null },
        period: { fiscalYear: 'Fiscal Year', month: 'Month (abbv)' },
        dimensions: ['Component', 'Demographic', 'Citizenship Grouping', 'Title of Authority', 'Encounter Type'],
        measure: { name: 'encounters' },
        value: 'Encounter Count',
      });
      const ranAt = new Date().toISOString();
      const loadAtStart = loadAverage();
      const cpuBefore = cpuSnapshot([process.pid, neo4j.pid]);
      const started = performance.now();
      let writingAt = 0;
      let lastSaid = 0;
      const onProgress = (progress: ImportProgress) => {
        if (progress.phase === 'writing' && writingAt === 0) writingAt = performance.now();
        if (progress.rows - lastSaid >= 200_000 || progress.rows < lastSaid) {
          lastSaid = progress.rows;
          say(`${progress.phase} ${progress.rows.toLocaleString('en-US')} rows, ${round((performance.now() - started) / 1000, 1)} s`);
        }
      };
      const outcome = await new DatasetImporter(new DatasetRepository(executor)).import(mapping, file, onProgress);
      const seconds = (performance.now() - started) / 1000;
      const importResult: DatasetsBenchResult['import'] = {
        seconds: round(seconds, 1),
        rowsPerSecond: Math.round(rows / seconds),
        checkSeconds: round((writingAt - started) / 1000, 1),
        writeSeconds: round((performance.now() - writingAt) / 1000, 1),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        loadAverage: { start: loadAtStart, end: loadAverage() },
        cpu: cpuUse(cpuBefore, cpuSnapshot([process.pid, neo4j.pid]), 0),
      };
      if (outcome.release.observationCount !== rows) throw new Error(`imported ${outcome.release.observationCount} rows of ${rows}`);
      say(`Imported in ${importResult.seconds} s (${importResult.rowsPerSecond.toLocaleString('en-US')} rows/s); starting the service...`);

      const service = await startBorderKg(
        loadConfig({ NEO4J_URI: neo4j.uri, NEO4J_USERNAME: neo4j.username, NEO4J_PASSWORD: neo4j.password, PORT: String(await getRandomPort('127.0.0.1')), HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'production' }),
        createLogger('silent'),
      );
      try {
        const series = await measure(service.url, calls, null, [process.pid, neo4j.pid]);
        if (series.total !== windowTotal) throw new Error(`the series summed ${series.total}, the file ${windowTotal}`);
        say(`Series of 12 months over every dimension: p50 ${series.p50Ms} ms, p95 ${series.p95Ms} ms over ${calls} calls`);
        const filteredSeries = await measure(service.url, FILTERED_CALLS, TWO_DIMENSIONS, [process.pid, neo4j.pid]);
        say(`Filtered on two dimensions (observations): p50 ${filteredSeries.p50Ms} ms, p95 ${filteredSeries.p95Ms} ms over ${FILTERED_CALLS} calls`);

        const result: DatasetsBenchResult = {
          ranAt,
          command: `npm run bench:datasets -- ${process.argv.slice(2).join(' ')}`.trim(),
          machine: describeMachine(),
          settings: { rows, calls, seed, months: FISCAL_YEARS.length * MONTHS.length, citizenshipGroups, neo4jHeap: heap, pageCacheMb },
          file: { megabytes, generateSeconds: round(generateSeconds, 1) },
          import: importResult,
          series: { ...series, expectedTotal: windowTotal },
          filteredSeries,
        };
        writeLatest('datasets', result, markdown(result));
        say('Wrote bench/results/datasets-latest.md and bench/results/raw/datasets-latest.json');
      } finally {
        await service.stop();
      }
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function markdown(result: DatasetsBenchResult): string {
  const { machine, settings, import: imported, series, filteredSeries } = result;
  const load = (values: number[]) => values.join(' / ');
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const latencyRow = (name: string, latency: Latency) =>
    `| ${name} | ${latency.calls} | ${latency.p50Ms} | ${latency.p95Ms} | ${latency.maxMs} | ${load(latency.loadAverage)} | ${latency.cpu?.otherCores ?? '—'} |`;
  return [
    `# Official datasets at scale, ${result.ranAt}`,
    '',
    `\`${result.command}\`: ${settings.rows.toLocaleString('en-US')} synthetic rows in the shape of CBP's encounters file (its columns; ${settings.months} months of fiscal years 2016 to 2025, ${settings.citizenshipGroups} citizenship groups; ${result.file.megabytes} MB) imported with the service's importer, as \`npm run import\` does, into a fresh local Neo4j (heap ${settings.neo4jHeap}, page cache ${settings.pageCacheMb} MB); then the API's \`series\` of fiscal year 2025's 12 months, summed over every dimension, asked ${settings.calls} times one after another (after ${WARMUP_CALLS} unmeasured), from this process over HTTP.`,
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}.`,
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    `| 1 M rows imported in under 120 s | ${settings.rows.toLocaleString('en-US')} rows in ${imported.seconds} s | ${settings.rows >= 1_000_000 ? verdict(imported.seconds < 120) : 'not measured: fewer rows than 1 M'} |`,
    `| series of 12 months over every dimension, p50 under 100 ms | p50 ${series.p50Ms} ms | ${verdict(series.p50Ms < 100)} |`,
    '',
    '## Import',
    '',
    '| rows | seconds | rows/s | checking (s) | writing and publishing (s) | peak RSS of the importer (MB) | load 1 / 5 / 15 min, start | end | other CPU (cores) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${settings.rows.toLocaleString('en-US')} | ${imported.seconds} | ${imported.rowsPerSecond.toLocaleString('en-US')} | ${imported.checkSeconds} | ${imported.writeSeconds} | ${imported.peakRssMb} | ${load(imported.loadAverage.start)} | ${load(imported.loadAverage.end)} | ${imported.cpu?.otherCores ?? '—'} |`,
    '',
    'Checking reads and validates every row and sums the pre-aggregates (nothing is written before it ends); writing reads the file again and stages the observations, two transactions of 20,000 in flight, then the monthly sums, then publishes the release in one small transaction. "Other CPU": cores busy with work other than this process and its Neo4j.',
    '',
    '## Series latency (ms, client side, HTTP included)',
    '',
    '| series | calls | p50 | p95 | max | load 1 / 5 / 15 min | other CPU (cores) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    latencyRow('12 months, every dimension summed (12 pre-aggregated nodes)', series),
    latencyRow('12 months, filtered on Component and Demographic (from the observations)', filteredSeries),
    '',
    `The unfiltered series summed ${series.total.toLocaleString('en-US')}, the file's rows of those months ${series.expectedTotal.toLocaleString('en-US')}.`,
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(`bench:datasets failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
