import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromProjectRoot } from '../src/index';
import type { Cell, ScaleResults } from './scale-results';
import { CONTENDERS, OPERATION_TITLES, OPERATIONS, type ContenderName, type OperationName } from './workload';

/**
 * Turns the raw results (bench/results/raw/<scale>.json, git-ignored) into:
 * - bench/results/README.md, the committed summary: targets, before/after, one table per scale;
 * - bench/results/latency.svg, a hand-written chart (p50 bars and p99 whiskers on a log scale,
 *   by operation and contender, one panel per scale and concurrency), committed;
 * - bench/results/raw/details.md, the long page (every cell, the answers checked, PROFILE
 *   tables and plans), git-ignored like the JSON it comes from.
 * The "before" of before/after is bench/results/before-tuning.json: this service's numbers at
 * the target concurrency from an earlier run, small enough to commit.
 *
 * `node dist/bench/report.js` redraws all three; `node dist/bench/report.js --save-before DIR`
 * writes before-tuning.json from the raw JSON in DIR (to keep a run as the next "before").
 */

export const RESULTS_DIR = fromProjectRoot('bench', 'results');
export const RAW_DIR = path.join(RESULTS_DIR, 'raw');

/** A bench's last run: results/<name>-latest.md (committed) and results/raw/<name>-latest.json (git-ignored). */
export function writeLatest(name: string, result: unknown, markdown: string): void {
  mkdirSync(RAW_DIR, { recursive: true });
  writeFileSync(path.join(RAW_DIR, `${name}-latest.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(path.join(RESULTS_DIR, `${name}-latest.md`), markdown);
}
const BEFORE_FILE = 'before-tuning.json';

const SCALE_ORDER = ['tiny', 'small', 'large'] as const;
const COLORS: Record<ContenderName, string> = { 'border-kg': '#d95f02', 'neo4j-graphql': '#7570b3', cypher: '#1b9e77' };
const CONTENDER_LABEL: Record<ContenderName, string> = {
  'border-kg': 'border-kg (this service)',
  'neo4j-graphql': '@neo4j/graphql 7',
  cypher: 'hand-written Cypher (floor)',
};

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const thousands = (value: number) => value.toLocaleString('en-US');

export function readResults(dir: string): ScaleResults[] {
  const all = SCALE_ORDER.map((scale) => path.join(dir, `${scale}.json`))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as ScaleResults);
  // A tiny run is a smoke test: shown only when nothing bigger has been measured.
  const real = all.filter((results) => results.scale !== 'tiny');
  return real.length > 0 ? real : all;
}

function cellOf(results: ScaleResults, operation: OperationName, contender: ContenderName, concurrency: number): Cell | undefined {
  return results.cells.find((cell) => cell.operation === operation && cell.contender === contender && cell.concurrency === concurrency);
}

/** The concurrency at which issue 15's targets are judged. */
const TARGET_CONCURRENCY = 16;
const LOAD_TARGET_SECONDS = 300;

const verdict = (met: boolean) => (met ? 'met' : '**not met**');

/**
 * Issue 15's targets, judged on the large scale at concurrency 16 (and against small for the
 * scaling one): throughput at least 0.67 x the hand-written Cypher floor with p50 at most 1.5 x
 * its p50, at least 1.5 x @neo4j/graphql where it can express the operation, large p50 at most
 * 1.5 x small p50, one Cypher round trip per operation.
 */
function targetLines(all: ScaleResults[]): string[] {
  const large = all.find((results) => results.scale === 'large');
  const small = all.find((results) => results.scale === 'small');
  if (!large) return [];
  const at = (results: ScaleResults, operation: OperationName, contender: ContenderName) => {
    const cell = cellOf(results, operation, contender, TARGET_CONCURRENCY);
    return cell && cell.requests > 0 ? cell : undefined;
  };
  const lines = [`## Targets (large scale, concurrency ${TARGET_CONCURRENCY})`, '', '| target | op | measured | verdict |', '|---|---|---|---|'];
  for (const operation of OPERATIONS) {
    const ours = at(large, operation, 'border-kg');
    const floor = at(large, operation, 'cypher');
    if (!ours || !floor) continue;
    const ratio = ours.throughput / floor.throughput;
    lines.push(`| throughput ≥ 0.67 × hand-written Cypher | ${operation} | ${fmt(ours.throughput)} / ${fmt(floor.throughput)} req/s = ${fmt(ratio, 2)} × | ${verdict(ratio >= 0.67)} |`);
  }
  for (const operation of OPERATIONS) {
    const ours = at(large, operation, 'border-kg');
    const floor = at(large, operation, 'cypher');
    if (!ours || !floor) continue;
    const ratio = ours.latencyMs.p50 / floor.latencyMs.p50;
    lines.push(`| p50 ≤ 1.5 × hand-written Cypher | ${operation} | ${ours.latencyMs.p50} / ${floor.latencyMs.p50} ms = ${fmt(ratio, 2)} × | ${verdict(ratio <= 1.5)} |`);
  }
  for (const operation of OPERATIONS) {
    const ours = at(large, operation, 'border-kg');
    const library = at(large, operation, 'neo4j-graphql');
    if (!ours || !library) continue;
    const ratio = ours.throughput / library.throughput;
    lines.push(`| throughput ≥ 1.5 × @neo4j/graphql | ${operation} | ${fmt(ours.throughput)} / ${fmt(library.throughput)} req/s = ${fmt(ratio, 2)} × | ${verdict(ratio >= 1.5)} |`);
  }
  for (const operation of small ? OPERATIONS : []) {
    const big = at(large, operation, 'border-kg');
    const little = at(small!, operation, 'border-kg');
    if (!big || !little) continue;
    const ratio = big.latencyMs.p50 / little.latencyMs.p50;
    lines.push(`| p50 large ≤ 1.5 × small | ${operation} | ${big.latencyMs.p50} / ${little.latencyMs.p50} ms = ${fmt(ratio, 2)} × | ${verdict(ratio <= 1.5)} |`);
  }
  const trips = large.cells.filter((cell) => cell.contender === 'border-kg' && cell.roundTripsPerRequest !== undefined);
  const most = Math.max(...trips.map((cell) => cell.roundTripsPerRequest!));
  lines.push(`| one Cypher round trip per operation | all | at most ${fmt(most, 2)} | ${verdict(most <= 1)} |`);
  const loadSeconds = large.load.seconds.total;
  lines.push(`| large load < 5 min | — | ${loadSeconds} s with ${large.load.writers ?? 1} writer(s) | ${verdict(loadSeconds < LOAD_TARGET_SECONDS)} |`);
  lines.push('');
  return lines;
}

/**
 * Where the machine's CPU went per request, large scale at the target concurrency: the server's
 * process, Neo4j's and the load tool's. The three share the machine's cores, so a contender's
 * server milliseconds are milliseconds Neo4j cannot use: the gap to the floor, in one number.
 */
function cpuSplitLines(all: ScaleResults[]): string[] {
  const large = all.find((results) => results.scale === 'large');
  const cells = (large?.cells ?? []).filter((cell) => cell.concurrency === TARGET_CONCURRENCY && cell.cpuMsPerRequest?.server !== undefined);
  if (!large || cells.length === 0) return [];
  const lines = [
    `## Where the CPU goes (large scale, concurrency ${TARGET_CONCURRENCY})`,
    '',
    `CPU milliseconds per request, from /proc, over each cell; the machine has ${large.machine.cpus} cores for all three processes.`,
    '',
    '| op | contender | req/s | server | Neo4j | load tool | all three |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const operation of OPERATIONS) {
    for (const contender of CONTENDERS) {
      const cell = cells.find((each) => each.operation === operation && each.contender === contender);
      if (!cell) continue;
      const { server = NaN, neo4j = NaN, loadTool = NaN } = cell.cpuMsPerRequest!;
      lines.push(`| ${operation} | ${contender} | ${fmt(cell.throughput)} | ${fmt(server, 2)} | ${fmt(neo4j, 2)} | ${fmt(loadTool, 2)} | ${fmt(server + neo4j + loadTool, 2)} |`);
    }
  }
  lines.push('');
  return lines;
}

/** This service's numbers at the target concurrency in one run: what before-tuning.json keeps. */
export interface BeforeRun {
  scale: string;
  finishedAt: string;
  commit?: string;
  concurrency: number;
  borderKg: Partial<Record<OperationName, { throughput: number; p50Ms: number; roundTripsPerRequest: number | null }>>;
}

export function beforeRuns(all: ScaleResults[]): BeforeRun[] {
  return all.map((results) => {
    const borderKg: BeforeRun['borderKg'] = {};
    for (const operation of OPERATIONS) {
      const cell = cellOf(results, operation, 'border-kg', TARGET_CONCURRENCY);
      if (cell) borderKg[operation] = { throughput: Math.round(cell.throughput * 10) / 10, p50Ms: cell.latencyMs.p50, roundTripsPerRequest: cell.roundTripsPerRequest };
    }
    return { scale: results.scale, finishedAt: results.finishedAt, commit: results.revision?.commit, concurrency: TARGET_CONCURRENCY, borderKg };
  });
}

function readBefore(dir: string): BeforeRun[] {
  const file = path.join(dir, BEFORE_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BeforeRun[]) : [];
}

const utcMinute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** This service at concurrency 16 in the run kept in before-tuning.json (the last one before tuning) and now. */
function beforeAfterLines(all: ScaleResults[], before: BeforeRun[]): string[] {
  if (before.length === 0) return [];
  const lines = [
    `## Before and after tuning (this service, concurrency ${TARGET_CONCURRENCY})`,
    '',
    `Before: the run of ${before.map((run) => `${run.scale} at ${utcMinute(run.finishedAt)}${run.commit ? ` (commit ${run.commit})` : ''}`).join(', ')} UTC, ` +
      `kept in [${BEFORE_FILE}](${BEFORE_FILE}).`,
    '',
    '| scale | op | req/s before → after | p50 ms before → after | round trips before → after |',
    '|---|---|---|---|---|',
  ];
  for (const results of all) {
    const old = before.find((candidate) => candidate.scale === results.scale);
    if (!old) continue;
    for (const operation of OPERATIONS) {
      const then = old.borderKg[operation];
      const now = cellOf(results, operation, 'border-kg', TARGET_CONCURRENCY);
      if (!then || !now) continue;
      lines.push(
        `| ${results.scale} | ${operation} | ${fmt(then.throughput)} → ${fmt(now.throughput)} | ${then.p50Ms || '—'} → ${now.latencyMs.p50 || '—'} | ` +
          `${fmt(then.roundTripsPerRequest ?? NaN, 2)} → ${fmt(now.roundTripsPerRequest ?? NaN, 2)} |`,
      );
    }
  }
  lines.push('');
  return lines;
}

function scaleTitle(results: ScaleResults): string {
  const load = results.load;
  return `${results.scale}: ${thousands(load.entities)} entities, ${thousands(load.relations)} relations, ${thousands(load.mentions)} mentions`;
}

function failedCheck(results: ScaleResults, operation: OperationName, contender: ContenderName) {
  return results.checks.find((check) => check.operation === operation && check.contender === contender && !check.ok);
}

/** How a run's cells were measured in rounds (nothing for runs of one round, or before rounds existed). */
function roundsNote(rounds: number | undefined): string {
  return rounds && rounds > 1
    ? `, measured ${rounds} times with the contenders of an operation taking turns, the round of median throughput kept whole`
    : '';
}

/** One scale in the summary: a row per operation and contender, the concurrencies side by side. */
function scaleSummaryLines(results: ScaleResults): string[] {
  const s = results.settings;
  const levels = s.concurrency.join(' · ');
  const lines = [
    `## ${scaleTitle(results)}`,
    '',
    `Load ${results.load.seconds.total} s with ${results.load.writers ?? 1} writer(s); seed \`${results.seed}\`` +
      (results.revision ? `; measured code: commit ${results.revision.commit}${results.revision.uncommittedFiles > 0 ? ` plus ${results.revision.uncommittedFiles} uncommitted files` : ''}` : '') +
      `. Each cell ${s.durationSeconds} s after a ${s.warmupSeconds} s warm-up${roundsNote(s.rounds)}, ${s.samples} sampled arguments, Neo4j heap ${s.neo4jHeap}, page cache ${s.pageCacheMb} MB.`,
    '',
    `| op | contender | req/s at concurrency ${levels} | p50 ms | p99 ms | errors | round trips / request |`,
    '|---|---|---|---|---|---:|---:|',
  ];
  for (const operation of OPERATIONS) {
    for (const contender of CONTENDERS) {
      if (contender === 'neo4j-graphql' && results.notExpressible[operation]) {
        lines.push(`| ${operation} | ${contender} | not expressible | | | | |`);
        continue;
      }
      if (failedCheck(results, operation, contender)) {
        lines.push(`| ${operation} | ${contender} | check failed (see details) | | | | |`);
        continue;
      }
      const cells = s.concurrency.map((concurrency) => cellOf(results, operation, contender, concurrency));
      if (cells.every((cell) => !cell)) continue;
      const each = (value: (cell: Cell) => string) => cells.map((cell) => (!cell ? '—' : cell.requests === 0 ? 'none' : value(cell))).join(' · ');
      const errors = cells.reduce((sum, cell) => sum + (cell?.errors ?? 0), 0);
      const trips = contender === 'border-kg' ? fmt(Math.max(...cells.map((cell) => cell?.roundTripsPerRequest ?? NaN).filter(Number.isFinite)), 2) : '1';
      lines.push(
        `| ${operation} | ${contender} | ${each((cell) => fmt(cell.throughput))} | ${each((cell) => String(cell.latencyMs.p50))} | ` +
          `${each((cell) => String(cell.latencyMs.p99))} | ${errors} | ${trips} |`,
      );
    }
  }
  lines.push('');
  return lines;
}

/** The committed page: what was measured, whether the targets are met, and one table per scale. */
function summary(all: ScaleResults[], before: BeforeRun[]): string {
  const latest = all.map((results) => results.finishedAt).sort().pop() ?? '';
  const machine = all[0]?.machine;
  const lines = [
    '# Benchmark results',
    '',
    `Latest run: ${utcMinute(latest)} UTC, by \`npm run bench\` (see [../README.md](../README.md) for what is measured and how).`,
  ];
  if (machine) lines.push(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}.`);
  lines.push('', '![p50 and p99 latency by operation and contender](latency.svg)', '', 'Operations:', '');
  for (const operation of OPERATIONS) lines.push(`- **${operation}**: ${OPERATION_TITLES[operation]}`);
  lines.push(
    '',
    'Round trips per request: the `X-Cypher-Round-Trips` header for border-kg (the most over its cells); 1 by construction for ' +
      '@neo4j/graphql (one GraphQL request compiles to one Cypher statement) and for the floor (one query per request). ' +
      'In the tables, "none" means no request finished within the cell.',
    '',
    'Each run also writes `raw/` beside this page (not committed): the JSON of each scale, and `details.md` with every cell ' +
      '(load average, CPU used by other work), what each contender answered before the load, and the PROFILE of each query with its plan.',
    '',
  );
  lines.push(...targetLines(all), ...cpuSplitLines(all), ...beforeAfterLines(all, before));
  for (const results of all) lines.push(...scaleSummaryLines(results));
  return `${lines.join('\n')}\n`;
}

/** The long page, git-ignored: every cell, the checks, the PROFILE tables and plans. */
function details(all: ScaleResults[]): string {
  const lines: string[] = ['# Benchmark details', '', 'The summary is [../README.md](../README.md).', ''];
  for (const results of all) {
    const load = results.load;
    lines.push(`## ${scaleTitle(results)}`, '');
    lines.push(
      load.seconds.articles !== undefined
        ? `Load (generator → batched UNWIND of 10,000 rows, ${load.writers ?? 1} concurrent writer(s), ${load.seconds.total} s in all): ` +
            `${thousands(load.perSecond.entities)} entities/s over the entity phase (${load.seconds.entities} s); over the article phase ` +
            `(${load.seconds.articles} s: articles, their relations and mentions) ${thousands(load.perSecond.relations)} relations/s and ` +
            `${thousands(load.perSecond.mentions)} mentions/s, ${thousands(load.perSecond.relationships ?? 0)} relationships/s together. Seed \`${results.seed}\`.`
        : `Load (generator → batched UNWIND, ${load.seconds.total} s in all): ${thousands(load.perSecond.entities)} entities/s, ` +
            `${thousands(load.perSecond.relations)} relations/s, ${thousands(load.perSecond.mentions)} mentions/s (each over the time spent in its ` +
            `transactions; ${thousands(load.perSecond.overallRelationsAndMentions)} relationships/s over the whole load). Seed \`${results.seed}\`.`,
      '',
    );
    const s = results.settings;
    const others = results.cells.map((cell) => cell.cpu?.otherCores).filter((value): value is number => value !== undefined);
    lines.push(
      (s.neo4jWarmupSeconds ? `Before any cell, every contender ran every operation for ${s.neo4jWarmupSeconds} s, unmeasured, to warm Neo4j. ` : '') +
        `Each cell: ${s.durationSeconds} s at a fixed concurrency after a ${s.warmupSeconds} s warm-up per operation${roundsNote(s.rounds)}, cycling through ${s.samples} sampled arguments; ` +
        `Neo4j heap ${s.neo4jHeap}, page cache ${s.pageCacheMb} MB.` +
        (others.length > 0
          ? ` "Other CPU" is the cores that work outside the benchmark used during the cell (of ${results.machine.cpus}); ` +
            `here ${fmt(Math.min(...others), 2)}–${fmt(Math.max(...others), 2)}: cells with a high value ran on a shared machine.`
          : ''),
      '',
    );
    lines.push('| op | contender | concurrency | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | round trips / request | load average | other CPU |');
    lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const cell of results.cells) {
      const trips = cell.contender === 'border-kg' ? fmt(cell.roundTripsPerRequest ?? NaN, 2) : '1';
      const latency = cell.requests === 0 ? ['—', '—', '—', '—'] : [cell.latencyMs.p50, cell.latencyMs.p90, cell.latencyMs.p99, cell.latencyMs.max];
      lines.push(
        `| ${cell.operation} | ${cell.contender} | ${cell.concurrency} | ${fmt(cell.throughput)}` +
          (cell.roundThroughputs ? ` (rounds: ${cell.roundThroughputs.map((value) => fmt(value)).join(' · ')})` : '') +
          ` | ${latency.join(' | ')} | ${cell.errors} | ${trips} | ` +
          `${cell.loadAverage} | ${cell.cpu ? fmt(cell.cpu.otherCores, 2) : '—'} |`,
      );
    }
    lines.push('');
    const notExpressible = Object.entries(results.notExpressible);
    if (notExpressible.length > 0) {
      lines.push('Not expressible with @neo4j/graphql’s generated API:', '');
      for (const [operation, why] of notExpressible) lines.push(`- **${operation}**: ${why}`);
      lines.push('');
    }
    lines.push('What each contender answered for the first samples (checked before the load):', '');
    for (const check of results.checks) {
      const first = check.firstAttemptError ? ` (first attempt failed: ${check.firstAttemptError.slice(0, 300)})` : '';
      lines.push(`- ${check.operation} ${check.contender}: ${check.ok ? check.summaries.join('; ') : `FAILED: ${check.error}`}${first}`);
    }
    lines.push('');
    if (results.profiles.length > 0) {
      lines.push('PROFILE of the service’s main query and of the floor’s (the second PROFILE run of each, so planned and warm; ms is the client’s time for that run):', '');
      lines.push('| op | case | contender | query | db hits | rows | ms |');
      lines.push('|---|---|---|---|---:|---:|---:|');
      for (const profile of results.profiles) {
        lines.push(
          `| ${profile.operation} | ${profile.case} | ${profile.contender} | ${profile.query} | ${thousands(profile.dbHits)} | ${profile.rows} | ${profile.milliseconds} |`,
        );
      }
      lines.push('');
      for (const profile of results.profiles) {
        lines.push(`${profile.operation}, ${profile.case}, ${profile.contender} (\`${JSON.stringify(profile.sample)}\`):`, '', '```', ...profile.plan, '```', '');
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function svg(all: ScaleResults[]): string {
  const concurrencies = [...new Set(all.flatMap((results) => results.settings.concurrency))].sort((a, b) => a - b);
  const panelWidth = 520;
  const panelHeight = 230;
  const margin = { left: 60, top: 70, right: 20, bottom: 40, gapX: 40, gapY: 50 };
  const width = Math.max(900, margin.left + all.length * panelWidth + (all.length - 1) * margin.gapX + margin.right);
  const height = margin.top + concurrencies.length * panelHeight + (concurrencies.length - 1) * margin.gapY + margin.bottom;
  const latencies = all
    .flatMap((results) => results.cells.filter((cell) => cell.requests > 0).flatMap((cell) => [cell.latencyMs.p50, cell.latencyMs.p99]))
    .filter((v) => v > 0);
  const minExp = Math.floor(Math.log10(Math.max(0.1, Math.min(...latencies, 1))));
  const maxExp = Math.ceil(Math.log10(Math.max(...latencies, 10)));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="11">`);
  out.push(`<rect width="100%" height="100%" fill="white"/>`);
  out.push(`<text x="${margin.left}" y="22" font-size="15" font-weight="bold">Latency by operation and contender: bar = p50, whisker = p99 (ms, log scale)</text>`);
  let legendX = margin.left;
  for (const contender of CONTENDERS) {
    out.push(`<rect x="${legendX}" y="34" width="12" height="12" fill="${COLORS[contender]}"/>`);
    out.push(`<text x="${legendX + 16}" y="44">${escapeXml(CONTENDER_LABEL[contender])}</text>`);
    legendX += 190;
  }
  out.push(`<text x="${margin.left}" y="62" fill="#666">n/e = not expressible by @neo4j/graphql; none = no request finished within the cell</text>`);

  all.forEach((results, column) => {
    concurrencies.forEach((concurrency, row) => {
      const x0 = margin.left + column * (panelWidth + margin.gapX);
      const y0 = margin.top + row * (panelHeight + margin.gapY);
      const plotTop = y0 + 18;
      const plotBottom = y0 + panelHeight - 22;
      const y = (ms: number) => plotBottom - ((Math.log10(Math.max(ms, 10 ** minExp)) - minExp) / (maxExp - minExp)) * (plotBottom - plotTop);
      out.push(
        `<text x="${x0}" y="${y0 + 10}" font-weight="bold">${escapeXml(`${results.scale} (${thousands(results.load.entities)} entities, ${thousands(results.load.relations)} relations), concurrency ${concurrency}`)}</text>`,
      );
      for (let exp = minExp; exp <= maxExp; exp++) {
        const yy = y(10 ** exp);
        out.push(`<line x1="${x0}" x2="${x0 + panelWidth}" y1="${yy}" y2="${yy}" stroke="#ddd"/>`);
        out.push(`<text x="${x0 - 6}" y="${yy + 4}" text-anchor="end" fill="#555">${10 ** exp >= 1 ? thousands(10 ** exp) : 10 ** exp}</text>`);
      }
      const groupWidth = panelWidth / OPERATIONS.length;
      const barWidth = (groupWidth - 24) / CONTENDERS.length;
      OPERATIONS.forEach((operation, g) => {
        const gx = x0 + g * groupWidth + 12;
        out.push(`<text x="${gx + (groupWidth - 24) / 2}" y="${plotBottom + 16}" text-anchor="middle" font-weight="bold">${operation}</text>`);
        CONTENDERS.forEach((contender, b) => {
          const bx = gx + b * barWidth;
          const cell = cellOf(results, operation, contender, concurrency);
          if (!cell || cell.requests === 0) {
            const label = cell ? 'none' : contender === 'neo4j-graphql' && results.notExpressible[operation] ? 'n/e' : '';
            if (label) out.push(`<text x="${bx + barWidth / 2}" y="${plotBottom - 4}" text-anchor="middle" fill="#666" font-size="9">${label}</text>`);
            return;
          }
          const top = y(cell.latencyMs.p50);
          out.push(
            `<rect x="${bx + 1}" y="${top}" width="${barWidth - 2}" height="${Math.max(1, plotBottom - top)}" fill="${COLORS[contender]}"><title>${escapeXml(
              `${results.scale} ${operation} ${contender} c=${concurrency}: p50 ${cell.latencyMs.p50} ms, p99 ${cell.latencyMs.p99} ms, ${fmt(cell.throughput)} req/s`,
            )}</title></rect>`,
          );
          const p99 = y(cell.latencyMs.p99);
          const cx = bx + barWidth / 2;
          out.push(`<line x1="${cx}" x2="${cx}" y1="${p99}" y2="${top}" stroke="#222"/>`);
          out.push(`<line x1="${cx - 3}" x2="${cx + 3}" y1="${p99}" y2="${p99}" stroke="#222"/>`);
          if (cell.errors > 0) out.push(`<text x="${cx}" y="${p99 - 3}" text-anchor="middle" fill="#c00" font-size="9">err</text>`);
        });
      });
      out.push(`<line x1="${x0}" x2="${x0 + panelWidth}" y1="${plotBottom}" y2="${plotBottom}" stroke="#333"/>`);
    });
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Redraws the summary and the chart in `dir` and the details in `dir`/raw from the raw JSON there. */
export function writeReport(dir = RESULTS_DIR): void {
  const raw = path.join(dir, 'raw');
  const all = readResults(raw);
  if (all.length === 0) throw new Error(`no results in ${raw}: run the benchmark first`);
  writeFileSync(path.join(dir, 'README.md'), summary(all, readBefore(dir)));
  writeFileSync(path.join(dir, 'latency.svg'), svg(all));
  writeFileSync(path.join(raw, 'details.md'), details(all));
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--save-before') {
    if (!args[1]) throw new Error('--save-before DIR: the folder holding the <scale>.json of the run to keep');
    const runs = beforeRuns(readResults(args[1]));
    if (runs.length === 0) throw new Error(`no results in ${args[1]}`);
    const file = path.join(RESULTS_DIR, BEFORE_FILE);
    writeFileSync(file, `${JSON.stringify(runs, null, 2)}\n`);
    console.log(`wrote ${file}`);
  } else {
    const dir = args[0] ?? RESULTS_DIR;
    writeReport(dir);
    console.log(`wrote ${dir}/README.md, ${dir}/latency.svg and ${dir}/raw/details.md`);
  }
}
