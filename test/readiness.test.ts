import { afterAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { createLogger } from '../src/config/logger';
import { healthRouter } from '../src/http/health';
import { createDriver, Neo4jExecutor } from '../src/neo4j/neo4j-executor';
import { Readiness } from '../src/http/readiness';
import { freePort } from './support/free-port';

describe('/readyz', () => {
  const log = createLogger('silent');
  const servers: http.Server[] = [];
  const drivers: ReturnType<typeof createDriver>[] = [];

  async function serve(uri: string, readiness: Readiness): Promise<string> {
    const driver = createDriver({ uri, username: 'neo4j', password: '', database: 'neo4j', transactionTimeoutMs: 5000 });
    drivers.push(driver);
    const executor = new Neo4jExecutor(driver, { database: 'neo4j', transactionTimeoutMs: 5000 }, log);
    const app = express().use(healthRouter(executor, readiness));
    const server = await new Promise<http.Server>((resolve) => {
      const started = app.listen(0, '127.0.0.1', () => resolve(started));
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`;
  }

  afterAll(async () => {
    for (const server of servers) server.close();
    for (const driver of drivers) await driver.close();
  });

  it('is 503 naming the missing step until migrations and seed are done', async () => {
    const readiness = new Readiness();
    const url = await serve(process.env.TEST_NEO4J_URI!, readiness);
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
    const url = await serve(`bolt://127.0.0.1:${await freePort()}`, readiness);
    const response = await fetch(url);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', reason: 'Neo4j does not answer' });
  });
});

