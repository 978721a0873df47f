import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getRandomPort } from 'get-port-please';
import { fromProjectRoot, loadExampleTabs } from '../../src/index';
import { percentile } from '../lib/stats';

/**
 * `npm run soak`: drives the service with the example operations of schema/examples.graphql
 * at moderate concurrency for a fixed time (10 minutes by default) and records throughput,
 * errors and the service's resident memory over time in bench/results/soak-latest.md (the
 * samples as JSON in bench/results/raw/, not committed). Not part of `npm test`. It starts the
 * service as `npm start` does (dist/src/main.js, built by the root's `npm run build`, which the
 * root's `npm run soak` runs first) with its own local Neo4j, loopback only; requests are bounded
 * by the duration, and everything it starts is stopped at the end.
 */
const EDITOR_KEY = 'soak-editor-key-0000000000';
const SAMPLE_EVERY_MS = 10_000;

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '600' },
    concurrency: { type: 'string', default: '8' },
  },
});
const durationMs = Number(options.duration) * 1000;
const concurrency = Number(options.concurrency);

interface Sample {
  atSeconds: number;
  requests: number;
  errors: number;
  rssMb: number;
}

function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kilobytes / 102.4) / 10;
}

async function waitForReady(baseUrl: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 360 && child.exitCode === null; attempt++) {
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the service did not become ready');
}

async function main(): Promise<void> {
  const entry = fromProjectRoot('dist', 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run the soak from the root (npm run soak), which builds the service first`);
  const home = mkdtempSync(path.join(os.tmpdir(), 'border-kg-soak-'));
  symlinkSync(fromProjectRoot('.neo4j', 'lib'), path.join(home, 'lib'));
  const port = await getRandomPort('127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  const { NEO4J_URI: _external, ...environment } = process.env;
  const service = spawn(process.execPath, [entry], {
    env: {
      ...environment,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOCAL_NEO4J_HOME: home,
      LOCAL_NEO4J_BOLT_PORT: String(await getRandomPort('127.0.0.1')),
      API_KEYS: `editor:${EDITOR_KEY}`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForReady(baseUrl, service);
    const tabs = loadExampleTabs().map((tab) => ({
      body: JSON.stringify({ query: tab.query, variables: tab.variables ? JSON.parse(tab.variables) : undefined }),
      authorized: tab.headers?.includes('Authorization') ?? false,
    }));

    const latencies: number[] = [];
    const errorsByCode: Record<string, number> = {};
    let requests = 0;
    let errors = 0;
    let next = 0;
    const started = Date.now();
    const deadline = started + durationMs;
    const samples: Sample[] = [{ atSeconds: 0, requests: 0, errors: 0, rssMb: residentMegabytes(service.pid!) }];
    const sampler = setInterval(() => {
      samples.push({ atSeconds: Math.round((Date.now() - started) / 1000), requests, errors, rssMb: residentMegabytes(service.pid!) });
    }, SAMPLE_EVERY_MS);

    const worker = async () => {
      while (Date.now() < deadline) {
        const tab = tabs[next++ % tabs.length]!;
        const sent = performance.now();
        try {
          const response = await fetch(`${baseUrl}/graphql`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(tab.authorized ? { authorization: `Bearer ${EDITOR_KEY}` } : {}),
            },
            body: tab.body,
          });
          const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
          if (!response.ok || body.errors) {
            errors++;
            const code = body.errors?.[0]?.extensions?.code ?? `HTTP_${response.status}`;
            errorsByCode[code] = (errorsByCode[code] ?? 0) + 1;
          }
        } catch (error) {
          errors++;
          errorsByCode.NETWORK = (errorsByCode.NETWORK ?? 0) + 1;
        }
        latencies.push(performance.now() - sent);
        requests++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    clearInterval(sampler);
    samples.push({ atSeconds: Math.round((Date.now() - started) / 1000), requests, errors, rssMb: residentMegabytes(service.pid!) });

    latencies.sort((a, b) => a - b);
    const seconds = (Date.now() - started) / 1000;
    const result = {
      ranAt: new Date().toISOString(),
      durationSeconds: Math.round(seconds),
      concurrency,
      operations: tabs.length,
      requests,
      errors,
      errorsByCode,
      throughputPerSecond: Math.round((requests / seconds) * 10) / 10,
      latencyMs: { p50: Math.round(percentile(latencies, 0.5) * 10) / 10, p99: Math.round(percentile(latencies, 0.99) * 10) / 10 },
      rssMb: { start: samples[0]!.rssMb, end: samples.at(-1)!.rssMb, max: Math.max(...samples.map((sample) => sample.rssMb)) },
      samples,
    };
    const resultsDir = fromProjectRoot('bench', 'results');
    mkdirSync(path.join(resultsDir, 'raw'), { recursive: true });
    writeFileSync(path.join(resultsDir, 'raw', 'soak-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(
      path.join(resultsDir, 'soak-latest.md'),
      [
        `# Soak, ${result.ranAt}`,
        '',
        `${result.durationSeconds} s at concurrency ${concurrency}, the ${tabs.length} operations of schema/examples.graphql in turn, one service process with its local Neo4j on this machine (2 cores).`,
        '',
        '| requests | errors | throughput (req/s) | p50 (ms) | p99 (ms) | RSS start (MB) | RSS end (MB) | RSS max (MB) |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        `| ${requests} | ${errors} | ${result.throughputPerSecond} | ${result.latencyMs.p50} | ${result.latencyMs.p99} | ${result.rssMb.start} | ${result.rssMb.end} | ${result.rssMb.max} |`,
        '',
        '## Over time',
        '',
        '| second | requests so far | errors so far | RSS (MB) |',
        '| --- | --- | --- | --- |',
        ...samples.map((sample) => `| ${sample.atSeconds} | ${sample.requests} | ${sample.errors} | ${sample.rssMb} |`),
        '',
      ].join('\n'),
    );
    console.log(JSON.stringify({ ...result, samples: undefined }, null, 2));
  } finally {
    const exited = new Promise((resolve) => service.once('exit', resolve));
    service.kill('SIGTERM');
    await exited;
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`soak failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
