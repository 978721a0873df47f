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

  it('tags work outside requests (migrations, the seed) with the application', async () => {
    const [record] = await executor.read(OWN_TRANSACTION);
    expect(record!.get('metaData')).toEqual({ app: 'border-kg' });
  });
});
