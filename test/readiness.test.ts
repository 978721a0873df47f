import { afterAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { createLogger } from '../src/config/logger';
import { healthRouter } from '../src/http/health';
import { createDriver, Neo4jExecutor } from '../src/neo4j/neo4j-executor';
import { Readiness } from '../src/http/readiness';
import type { LocalNeo4jHealth } from '../src/neo4j/local-neo4j-supervisor';
import { freePort } from './support/free-port';
import { testConnection } from './support/test-database';

describe('/readyz', () => {
  const log = createLogger('silent');
  const servers: http.Server[] = [];
  const drivers: ReturnType<typeof createDriver>[] = [];

  async function serve(uri: string, readiness: Readiness): Promise<string> {
    const options = { ...testConnection(5000), uri };
    const driver = createDriver(options);
    drivers.push(driver);
    const executor = new Neo4jExecutor(driver, options, log);
    const app = express().use(healthRouter(executor, readiness));
    const server = await new Promise<http.Server>((resolve) => {
      const started = app.listen(0, '127.0.0.1', () => resolve(started));
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  afterAll(async () => {
    for (const server of servers) server.close();
    for (const driver of drivers) await driver.close();
  });

  it('is 503 naming the missing step until migrations and seed are done', async () => {
    const readiness = new Readiness();
    const url = `${await serve(process.env.TEST_NEO4J_URI!, readiness)}/readyz`;
    let response = await fetch(url);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', reason: 'migrations have not been applied yet' });
    readiness.markMigrated();
    response = await fetch(url);
    expect(await response.json()).toEqual({ status: 'unavailable', reason: 'the seed graph has not been loaded yet' });
    readiness.markSeeded();
    expect((await fetch(url)).status).toBe(200);
  });

  it('is 503 when Neo4j does not answer', async () => {
    const readiness = new Readiness();
    readiness.markMigrated();
    readiness.markSeeded();
    const url = `${await serve(`bolt://127.0.0.1:${await freePort()}`, readiness)}/readyz`;
    const response = await fetch(url);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', reason: 'Neo4j does not answer' });
  });

  it("is 503 while the local Neo4j restarts or after its supervisor gave up, and /healthz says which", async () => {
    let health: LocalNeo4jHealth = { database: 'up', restarts: 0 };
    const readiness = new Readiness({ health: () => health });
    readiness.markMigrated();
    readiness.markSeeded();
    const base = await serve(process.env.TEST_NEO4J_URI!, readiness);
    const probe = async (path: string) => {
      const response = await fetch(`${base}${path}`);
      return { status: response.status, body: await response.json() };
    };
    expect(await probe('/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
    expect(await probe('/healthz')).toEqual({ status: 200, body: { status: 'ok', database: 'up', restarts: 0 } });

    // Healing itself: not ready, but alive, so that an orchestrator leaves the service be.
    health = { database: 'restarting', restarts: 0 };
    expect(await probe('/readyz')).toEqual({ status: 503, body: { status: 'unavailable', reason: 'the local Neo4j is restarting after a crash' } });
    expect(await probe('/healthz')).toEqual({ status: 200, body: { status: 'ok', database: 'restarting', restarts: 0 } });

    // Given up: restarting the service is what is left.
    health = { database: 'down', restarts: 2 };
    expect(await probe('/readyz')).toEqual({
      status: 503,
      body: { status: 'unavailable', reason: 'the local Neo4j is down: it stopped more often than its restarts allow' },
    });
    expect(await probe('/healthz')).toEqual({ status: 503, body: { status: 'unhealthy', database: 'down', restarts: 2 } });
  });
});

