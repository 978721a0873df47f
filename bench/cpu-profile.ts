import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromProjectRoot } from '../src/index';
import { Corpus, DEFAULT_SEED } from './generator/corpus';
import { parseArgs, scaleArg } from './lib/args';
import { DATA_DIR, startLoadedNeo4j } from './lib/bench-neo4j';
import { runLoad, startServer } from './lib/processes';
import { OPERATION_TITLES, OPERATIONS, requestFor, samplesFor, type OperationName } from './workload';

/**
 * Where this service spends its CPU, per operation: `node dist/bench/cpu-profile.js --scale small
 * [--ops A,C] [--duration 10] [--concurrency 16]` runs each operation against border-kg alone
 * with V8's sampling profiler on over the measured window only, and writes
 * bench/results/cpu-profile-<scale>.md (self time by package and by function). The raw
 * .cpuprofile files (open them in Chrome DevTools) stay in bench/data/cpu-profiles/.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

function whereOf(url: string, functionName: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return `border-kg ${url.slice(dist + '/dist/'.length).replace(/\.js$/, '')}`;
  if (url.startsWith('node:')) return url;
  return url === '' ? `(${functionName || 'native'})` : url;
}

export function summariseProfile(file: string, top = 25): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const idle = profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const busy = Math.max(1, total - idle);
  const byWhere = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0 || node.callFrame.functionName === '(idle)') continue;
    const where = whereOf(node.callFrame.url, node.callFrame.functionName);
    byWhere.set(where, (byWhere.get(where) ?? 0) + hits);
    const name = `${node.callFrame.functionName || '(anonymous)'} — ${where}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
  }
  // Native and built-in code (JSON.stringify, Map lookups, Buffer slices, a socket write) has no
  // package of its own: charged to the nearest JavaScript caller, it says which layer asked for it.
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  const byCaller = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0 || node.callFrame.functionName === '(idle)') continue;
    let caller: ProfileNode | undefined = node;
    while (caller && !caller.callFrame.url.includes('/')) caller = parentOf.get(caller.id);
    const where = caller ? whereOf(caller.callFrame.url, caller.callFrame.functionName) : whereOf(node.callFrame.url, node.callFrame.functionName);
    byCaller.set(where, (byCaller.get(where) ?? 0) + hits);
  }
  const pct = (hits: number) => `${((hits / busy) * 100).toFixed(1)}%`;
  const lines = [`The service process was idle in ${((idle / Math.max(1, total)) * 100).toFixed(1)}% of the samples (waiting for Neo4j or for requests). Self time, as a share of the busy samples:`, ''];
  lines.push('| where | self |', '|---|---:|');
  for (const [where, hits] of [...byWhere].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`| ${where} | ${pct(hits)} |`);
  lines.push('', 'The same samples with native and built-in code charged to the JavaScript that called it (garbage collection and the event loop stay apart):', '');
  lines.push('| caller | self and native callees |', '|---|---:|');
  for (const [where, hits] of [...byCaller].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`| ${where} | ${pct(hits)} |`);
  lines.push('', '| function | self |', '|---|---:|');
  for (const [name, hits] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`| ${name.replace(/\|/g, '\\|')} | ${pct(hits)} |`);
  return lines;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const seed = args.get('seed') ?? DEFAULT_SEED;
  const operations = (args.get('ops')?.split(',') ?? OPERATIONS) as OperationName[];
  const durationSeconds = Number(args.get('duration') ?? 10);
  const connections = Number(args.get('concurrency') ?? 16);
  const dir = path.join(DATA_DIR, 'cpu-profiles');
  mkdirSync(dir, { recursive: true });
  for (const scale of scaleArg(args.get('scale'), 'small')) {
    const { neo4j } = await startLoadedNeo4j(scale, seed, { heap: args.get('heap') ?? '4g', pageCacheMb: Number(args.get('pagecache-mb') ?? 4096) }, console.log);
    const lines = [
      `# Where border-kg spends its CPU (${scale})`,
      '',
      `V8 sampling profiles of the service process only (not Neo4j, not the load tool), each over ${durationSeconds} s of one operation at concurrency ${connections}, ` +
        'after a 3 s warm-up. Regenerate with `node dist/bench/cpu-profile.js --scale ' + scale + '`.',
      '',
    ];
    try {
      const corpus = new Corpus(scale, seed);
      for (const operation of operations) {
        const specs = samplesFor(operation, corpus, 200).map((sample) => requestFor('border-kg', operation, sample)!);
        const server = await startServer('border-kg', neo4j);
        try {
          const job = { url: server.url, path: '/graphql', bodies: specs.map((spec) => spec.body), timeoutSeconds: 30 };
          await runLoad({ ...job, connections, durationSeconds: 3 });
          server.startProfile();
          const result = await runLoad({ ...job, connections, durationSeconds });
          const file = path.join(dir, `${scale}-${operation}.cpuprofile`);
          await server.stopProfile(file);
          console.log(`${scale} ${operation}: ${result.throughput.toFixed(1)} req/s during the profile`);
          lines.push(`## ${operation}: ${OPERATION_TITLES[operation]}`, '', `${result.throughput.toFixed(1)} req/s, p50 ${result.latencyMs.p50} ms while profiled.`, '');
          lines.push(...summariseProfile(file), '');
        } finally {
          await server.stop();
        }
      }
    } finally {
      await neo4j.stop();
    }
    const out = fromProjectRoot('bench', 'results', `cpu-profile-${scale}.md`);
    writeFileSync(out, `${lines.join('\n')}\n`);
    console.log(`wrote ${out}`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
