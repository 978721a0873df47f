import type { AddressInfo } from 'node:net';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import { createHttpService } from '../http/server';
import { ServiceMetrics } from '../http/metrics';
import { Readiness } from '../http/readiness';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j/local-neo4j';
import { applyMigrations } from '../neo4j/migrations';
import { createDriver, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { loadStartupDatasets } from '../dataset';
import { refreshSeed } from '../seed';
import { createAppContext } from './context';
import { buildBorderKgSchema } from './schema';

export interface RunningService {
  url: string;
  executor: Neo4jExecutor;
  stop(): Promise<void>;
}

/**
 * The composition root: config -> Neo4j (local or given) -> schema -> HTTP. The HTTP server
 * listens before migrations and seeding so /readyz can say what it is waiting for.
 */
export async function startBorderKg(config: Config, log: Logger): Promise<RunningService> {
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    let uri = config.neo4j.uri;
    if (!uri) {
      const local: LocalNeo4j = await startLocalNeo4j(config.localNeo4j, log);
      cleanups.push(() => local.stop());
      uri = local.uri;
    }
    const driver = createDriver({ ...config.neo4j, uri });
    cleanups.push(() => driver.close());
    const metrics = new ServiceMetrics();
    const executor = new Neo4jExecutor(driver, { ...config.neo4j, onQuery: metrics.observeNeo4jQuery }, log);
    const readiness = new Readiness();

    const schema = await buildBorderKgSchema();
    const service = await createHttpService({ config, executor, log, metrics, readiness, schema, createContext: createAppContext });
    await service.listen();
    cleanups.push(() => service.stop());
    const { port } = service.httpServer.address() as AddressInfo;
    const host = config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
    const url = `http://${host}:${port}/graphql`;

    await applyMigrations(executor, log);
    readiness.markMigrated();
    await refreshSeed(executor, log);
    // The official datasets' startup releases (data/datasets/startup.json): a checksum each once imported.
    await loadStartupDatasets(executor, log);
    readiness.markSeeded();
    log.info({ url, neo4j: uri }, 'border-kg is ready');
    return { url, executor, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
