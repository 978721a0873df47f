import type { AddressInfo } from 'node:net';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import { createResponseCache } from '../graphql/plugins/response-cache/response-cache.plugin';
import { createHttpService } from '../http/server';
import { ServiceMetrics } from '../http/metrics';
import { Readiness } from '../http/readiness';
import { LocalNeo4jSupervisor } from '../neo4j/local-neo4j-supervisor';
import { applyMigrations } from '../neo4j/migrations';
import { createDriver, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { loadStartupDatasets } from '../dataset';
import { claimMissingNameKeys } from '../entity';
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
    // The local Neo4j is supervised (restarted after a crash) and has its data folder's password;
    // the one NEO4J_URI names is used as given.
    const local = config.neo4j.uri ? undefined : await LocalNeo4jSupervisor.start(config.localNeo4j, log);
    if (local) cleanups.push(() => local.stop());
    const uri = local?.uri ?? config.neo4j.uri!;
    const driver = createDriver(local ? { ...config.neo4j, uri, username: local.username, password: local.password } : { ...config.neo4j, uri });
    cleanups.push(() => driver.close());
    const metrics = new ServiceMetrics();
    // Every write through this executor, once it has ended, invalidates the cached answers.
    const responseCache = createResponseCache(config.responseCache, metrics);
    const executor = new Neo4jExecutor(driver, { ...config.neo4j, onQuery: metrics.observeNeo4jQuery, onWriteEnded: responseCache.invalidate }, log);
    const readiness = new Readiness(local);

    const schema = await buildBorderKgSchema();
    const service = await createHttpService({
      config,
      executor,
      log,
      metrics,
      readiness,
      schema,
      createContext: createAppContext,
      responseCache: responseCache.plugin,
    });
    await service.listen();
    cleanups.push(() => service.stop());
    const { port } = service.httpServer.address() as AddressInfo;
    const host = config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
    const url = `http://${host}:${port}/graphql`;

    await applyMigrations(executor, log);
    readiness.markMigrated();
    await refreshSeed(executor, log);
    // Entities written before names had keys (migration 007), or by hand, claim them now.
    await claimMissingNameKeys(executor, log);
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
