import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createIngestionScope, FOLDER_CONCURRENCY, ingestFile, mapConcurrently, loadConfig, loadSeed } from '../src/index';
import { MANIFEST, type ArticleFileEntry } from './generator/article-files';
import { DEFAULT_SEED } from './generator/corpus';
import { parseArgs } from './lib/args';
import { withFreshNeo4j } from './lib/bench-neo4j';
import { cpuSnapshot, cpuUse, type CpuUse } from './lib/cpu';
import { describeMachine } from './lib/processes';
import { loadAverage, round } from './lib/stats';
import { writeLatest } from './report';

/**
 * `npm run bench:ingest`: how fast `npm run ingest` stores articles, and whether its memory
 * stays flat. Writes N articles of the benchmark's corpus as files (in a child process, so the
 * corpus's memory is not measured), starts a fresh local Neo4j holding what a new install holds
 * (migrations and the curated seed), and ingests the files as the CLI ingests a folder (FOLDER_CONCURRENCY at a time; read,
 * decode, ingest in a transaction each, with the known entities read once), each with the title,
 * URL and publication date an editor would pass. Records articles/s overall and per block of a
 * hundred, this process's RSS (peak and current) and live heap (after a full collection, when
 * node runs with --expose-gc, as the npm script does) after each block, the proposals created,
 * and beside each figure the machine's load average and the CPU other work used. Results:
 * bench/results/ingest-latest.md (committed) and bench/results/raw/ingest-latest.json.
 */
const USAGE = `npm run bench:ingest -- [--articles 1000] [--seed ${DEFAULT_SEED}] [--heap 2g] [--pagecache-mb 2048]`;

/** Articles per measured block: speed and memory are recorded after each. */
const BLOCK = 100;


interface Memory {
  rssMb: number;
  /** The most resident memory this process has had so far. */
  peakRssMb: number;
  heapUsedMb: number;
}

interface Block extends Memory {
  /** 1-based numbers of the first and last article of the block. */
  from: number;
  to: number;
  seconds: number;
  articlesPerSecond: number;
  /** Load average over 1, 5 and 15 minutes when the block ended. */
  loadAverage: number[];
  cpu: CpuUse | undefined;
}

/** What bench/results/raw/ingest-latest.json holds. */
interface IngestBenchResult {
  ranAt: string;
  command: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  settings: { articles: number; seed: string; corpusScale: 'small'; neo4jHeap: string; pageCacheMb: number; heapAfterFullCollection: boolean };
  knownEntities: number;
  knownEntitiesSeconds: number;
  created: number;
  unchanged: number;
  refused: number;
  refusals: string[];
  proposals: { total: number; byKind: Record<string, number> };
  /** Time spent ingesting, measurements between blocks left out. */
  ingestSeconds: number;
  articlesPerSecond: number;
  loadAverage: { start: number[]; end: number[] };
  memoryBefore: Memory;
  blocks: Block[];
}

const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);
const collectGarbage = (globalThis as { gc?: () => void }).gc;

function memory(): Memory {
  collectGarbage?.();
  const { rss, heapUsed } = process.memoryUsage();
  // maxRSS is in kilobytes.
  return { rssMb: megabytes(rss), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), heapUsedMb: megabytes(heapUsed) };
}

function say(line: string) {
  console.log(`[bench:ingest ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.has('help')) {
    console.log(USAGE);
    return;
  }
  const articles = Number(args.get('articles') ?? 1000);
  if (!Number.isInteger(articles) || articles <= 0) throw new Error(`--articles: expected a positive integer, got "${args.get('articles')}"`);
  const seed = args.get('seed') ?? DEFAULT_SEED;
  // The local Neo4j of `npm run ingest` has the service's settings unless told otherwise.
  const config = loadConfig();
  const heap = args.get('heap') ?? config.localNeo4j.heap;
  const pageCacheMb = Number(args.get('pagecache-mb') ?? config.localNeo4j.pageCacheMb);

  const folder = mkdtempSync(path.join(os.tmpdir(), 'border-kg-bench-ingest-'));
  try {
    say(`Writing ${articles} articles of the corpus (seed ${seed}) to ${folder}...`);
    const generator = spawnSync(process.execPath, [path.join(__dirname, 'generator', 'article-files.js'), folder, String(articles), seed], { stdio: 'inherit' });
    if (generator.status !== 0) throw new Error(`writing the articles failed (exit ${generator.status})`);
    const entries = JSON.parse(readFileSync(path.join(folder, MANIFEST), 'utf8')) as ArticleFileEntry[];

    await withFreshNeo4j('ingest', { heap, pageCacheMb }, async (neo4j) => {
      const { executor, log } = neo4j;
      await loadSeed(executor, log);
      say(`Fresh Neo4j at ${neo4j.uri} (heap ${heap}, page cache ${pageCacheMb} MB): migrations and the curated seed`);

      const startedAt = new Date().toISOString();
      const loadAverageAtStart = loadAverage();
      const knownStarted = performance.now();
      const knownEntities = await createIngestionScope(executor).repository.knownEntities();
      const knownEntitiesSeconds = (performance.now() - knownStarted) / 1000;
      const before = memory();
      say(`${knownEntities.length} known entities read in ${knownEntitiesSeconds.toFixed(2)} s; ingesting...`);

      const counts = { created: 0, unchanged: 0, refused: 0 };
      const proposals: Record<string, number> = {};
      const refusals: string[] = [];
      const blocks: Block[] = [];
      let ingestSeconds = 0;
      let cpuBefore = cpuSnapshot([process.pid, neo4j.pid]);
      // Blocks of BLOCK articles, each ingested as the CLI ingests a folder (FOLDER_CONCURRENCY
      // in flight, one transaction each) and timed by the wall clock; memory is read between blocks.
      for (let from = 0; from < entries.length; from += BLOCK) {
        const block = entries.slice(from, from + BLOCK);
        const started = performance.now();
        const outcomes = await mapConcurrently(block, FOLDER_CONCURRENCY, (entry) =>
          ingestFile(createIngestionScope(executor).service, path.join(folder, entry.file), {
            format: 'TEXT',
            title: entry.title,
            url: entry.url,
            publishedOn: entry.publishedOn,
            dryRun: false,
            knownEntities,
          }),
        );
        const blockSeconds = (performance.now() - started) / 1000;
        ingestSeconds += blockSeconds;
        outcomes.forEach((outcome, index) => {
          counts[outcome.status] += 1;
          if (outcome.status === 'refused') refusals.push(`${block[index]!.file}: ${outcome.field} ${outcome.reason}: ${outcome.message}`);
          else for (const [kind, count] of Object.entries(outcome.proposals)) proposals[kind] = (proposals[kind] ?? 0) + count;
        });

        const done = from + block.length;
        // Measured between blocks, outside the timed part: collecting garbage takes a while.
        const cpu = cpuUse(cpuBefore, cpuSnapshot([process.pid, neo4j.pid]), 0);
        const measured: Block = { from: from + 1, to: done, seconds: round(blockSeconds), articlesPerSecond: round(block.length / blockSeconds), ...memory(), loadAverage: loadAverage(), cpu };
        blocks.push(measured);
        say(`${measured.from}-${done}: ${measured.articlesPerSecond} articles/s, RSS ${measured.rssMb} MB (peak ${measured.peakRssMb}), heap ${measured.heapUsedMb} MB, load ${measured.loadAverage[0]}`);
        cpuBefore = cpuSnapshot([process.pid, neo4j.pid]);
      }

      const result: IngestBenchResult = {
        ranAt: startedAt,
        command: `npm run bench:ingest -- ${process.argv.slice(2).join(' ')}`.trim(),
        machine: describeMachine(),
        settings: { articles, seed, corpusScale: 'small', neo4jHeap: heap, pageCacheMb, heapAfterFullCollection: collectGarbage !== undefined },
        knownEntities: knownEntities.length,
        knownEntitiesSeconds: round(knownEntitiesSeconds),
        ...counts,
        refusals,
        proposals: { total: Object.values(proposals).reduce((sum, count) => sum + count, 0), byKind: proposals },
        ingestSeconds: round(ingestSeconds),
        articlesPerSecond: round(entries.length / ingestSeconds),
        loadAverage: { start: loadAverageAtStart, end: loadAverage() },
        memoryBefore: before,
        blocks,
      };
      writeLatest('ingest', result, markdown(result));
      say(`${result.articlesPerSecond} articles/s over ${entries.length}; wrote bench/results/ingest-latest.md and bench/results/raw/ingest-latest.json`);
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function markdown(result: IngestBenchResult): string {
  const { machine, settings } = result;
  const load = (values: number[]) => values.join(' / ');
  const kinds = Object.entries(result.proposals.byKind).map(([kind, count]) => `${kind} ${count}`).join(', ');
  return [
    `# Ingestion, ${result.ranAt}`,
    '',
    `\`${result.command}\`: ${settings.articles} articles of the benchmark corpus (seed \`${settings.seed}\`, the small scale's texts, about 5,800 characters each) ingested as \`npm run ingest\` ingests a folder (${FOLDER_CONCURRENCY} at a time, each in its own transaction), into a fresh local Neo4j (heap ${settings.neo4jHeap}, page cache ${settings.pageCacheMb} MB) holding the migrations and the curated seed (${result.knownEntities} known entities).`,
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}. Load average (1 / 5 / 15 min): ${load(result.loadAverage.start)} at the start, ${load(result.loadAverage.end)} at the end.`,
    '',
    '| articles | created | unchanged | refused | seconds | articles/s | proposals created |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| ${settings.articles} | ${result.created} | ${result.unchanged} | ${result.refused} | ${result.ingestSeconds} | ${result.articlesPerSecond} | ${result.proposals.total}${kinds ? ` (${kinds})` : ''} |`,
    '',
    `Memory of the ingesting process (Neo4j's is apart), ${settings.heapAfterFullCollection ? 'the heap measured after a full collection' : 'the heap as found (node ran without --expose-gc)'}; before the first article: RSS ${result.memoryBefore.rssMb} MB, heap ${result.memoryBefore.heapUsedMb} MB. "Other CPU": cores busy over the block with work other than this process and its Neo4j.`,
    '',
    '| articles | seconds | articles/s | RSS (MB) | peak RSS (MB) | heap used (MB) | load 1 / 5 / 15 min | other CPU (cores) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...result.blocks.map(
      (block) =>
        `| ${block.from}–${block.to} | ${block.seconds} | ${block.articlesPerSecond} | ${block.rssMb} | ${block.peakRssMb} | ${block.heapUsedMb} | ${load(block.loadAverage)} | ${block.cpu?.otherCores ?? '—'} |`,
    ),
    ...(result.refusals.length > 0 ? ['', '## Refused', '', ...result.refusals.map((line) => `- ${line}`)] : []),
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(`bench:ingest failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
