import http from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { CYPHER, OPERATIONS, type OperationName } from '../workload';
import { childSettings, reportFailure, reportReady, stopOnSignal } from './child';

/**
 * The floor: each operation's hand-written Cypher through neo4j-driver, behind the smallest
 * HTTP handler node:http allows (POST /cypher/<operation> with the parameters as JSON). One
 * read transaction, so one Cypher round trip, per request.
 */
async function main() {
  const { neo4jUri, neo4jUsername, neo4jPassword, port } = childSettings();
  const driver = neo4j.driver(neo4jUri, neo4j.auth.basic(neo4jUsername, neo4jPassword), { maxConnectionPoolSize: 100, disableLosslessIntegers: true, userAgent: 'bench-cypher' });
  await driver.verifyConnectivity();
  const server = http.createServer((request, response) => {
    const operation = request.url?.slice('/cypher/'.length) as OperationName;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json', 'x-cypher-round-trips': '1' });
        response.end(JSON.stringify(payload));
      };
      if (request.method !== 'POST' || !OPERATIONS.includes(operation)) return reply(404, { error: 'not found' });
      let params: Record<string, unknown>;
      try {
        params = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return reply(400, { error: 'bad JSON' });
      }
      driver
        .executeQuery(CYPHER[operation], params, { routing: neo4j.routing.READ, database: 'neo4j' })
        .then((result) => reply(200, { data: result.records.map((record) => record.toObject()) }))
        .catch((error: Error) => reply(500, { error: error.message }));
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  stopOnSignal(async () => {
    server.close();
    await driver.close();
  });
  reportReady(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

main().catch(reportFailure);
