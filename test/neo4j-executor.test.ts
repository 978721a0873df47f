import { afterAll, describe, expect, it } from '@jest/globals';
import { createLogger } from '../src/config/logger';
import { RequestTrace } from '../src/neo4j/neo4j-executor';
import { testDatabase } from './support/test-database';

const OWN_TRANSACTION = "SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN metaData";

describe('the Neo4j executor', () => {
  const { driver, executor } = testDatabase();
  afterAll(async () => {
    await driver.close();
  });

  it('sends integral top-level parameters as integers and leaves other numbers as they are', async () => {
    const [record] = await executor.read('RETURN valueType($count) AS count, valueType($ratio) AS ratio, valueType($stored.value) AS stored', {
      count: 21,
      ratio: 2.5,
      stored: { value: 23700 },
    });
    expect(record!.toObject()).toEqual({ count: 'INTEGER NOT NULL', ratio: 'FLOAT NOT NULL', stored: 'FLOAT NOT NULL' });
  });

  it("tags a request's reads and writes with the application, the request id and the operation", async () => {
    const trace = new RequestTrace('request-42');
    trace.operationName = 'WhoCoChairs';
    const forRequest = executor.forRequest(trace, createLogger('silent'));
    const expected = { app: 'border-kg', requestId: 'request-42', operation: 'WhoCoChairs' };
    const [read] = await forRequest.read(OWN_TRANSACTION);
    expect(read!.get('metaData')).toEqual(expected);
    const written = await forRequest.writeTransaction((tx) => tx.run(OWN_TRANSACTION));
    expect(written[0]!.get('metaData')).toEqual(expected);
    expect(trace.roundTrips).toBe(2);
  });

  it('keeps the driver from formatting a stack trace per read, and gives stack traces back to everything else', async () => {
    const tracesTakenIn: string[] = [];
    const prepare = Error.prepareStackTrace;
    Error.prepareStackTrace = (error, frames) => {
      tracesTakenIn.push(...frames.map((frame) => frame.getFileName() ?? ''));
      return prepare ? prepare(error, frames) : String(error);
    };
    const limit = Error.stackTraceLimit;
    try {
      await executor.read('RETURN 1 AS one');
    } finally {
      Error.prepareStackTrace = prepare;
    }
    expect(tracesTakenIn.filter((file) => file.includes('neo4j-driver-core/lib/result'))).toEqual([]);
    await expect(executor.read('THIS IS NOT CYPHER')).rejects.toMatchObject({ code: expect.stringContaining('SyntaxError') });
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('after').stack).toContain('neo4j-executor.test');
  });

  it('tags work outside requests (migrations, the seed) with the application', async () => {
    const [record] = await executor.read(OWN_TRANSACTION);
    expect(record!.get('metaData')).toEqual({ app: 'border-kg' });
  });
});
