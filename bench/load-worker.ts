import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

/**
 * The load tool, in its own process so that it competes with the server only for CPU, not
 * for an event loop: `node load-worker.js <job.json>`, result as JSON on stdout. Requests cycle
 * through the job's bodies; a response counts as an error when its status is not 2xx or its
 * body has GraphQL errors. The X-Cypher-Round-Trips header is averaged over the responses.
 */
export interface LoadJob {
  url: string;
  path: string;
  bodies: string[];
  connections: number;
  durationSeconds: number;
  timeoutSeconds: number;
}

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  throughput: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  non2xx: number;
  graphqlErrors: number;
  timeouts: number;
  roundTripsPerRequest: number | null;
  /** CPU time the load tool itself used. */
  cpuSeconds: number;
  firstError?: string;
}

async function main() {
  const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadJob;
  let next = 0;
  let graphqlErrors = 0;
  let roundTrips = 0;
  let roundTripResponses = 0;
  let firstError: string | undefined;
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.durationSeconds,
    timeout: job.timeoutSeconds,
    requests: [
      {
        method: 'POST',
        path: job.path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: job.bodies[next++ % job.bodies.length] }),
        onResponse: (status, body, _context, headers) => {
          const trips = Number((headers as Record<string, string> | undefined)?.['x-cypher-round-trips']);
          if (Number.isFinite(trips)) {
            roundTrips += trips;
            roundTripResponses++;
          }
          if (status < 200 || status > 299 || body.startsWith('{"errors"') || body.includes('"errors":[')) {
            if (status >= 200 && status <= 299) graphqlErrors++;
            firstError ??= `${status} ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  });
  const out: LoadResult = {
    requests: result.requests.total,
    durationSeconds: result.duration,
    throughput: result.requests.total / result.duration,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    errors: result.errors + result.non2xx + graphqlErrors,
    non2xx: result.non2xx,
    graphqlErrors,
    timeouts: result.timeouts,
    roundTripsPerRequest: roundTripResponses > 0 ? roundTrips / roundTripResponses : null,
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    firstError,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
