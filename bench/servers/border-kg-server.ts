import { createLogger, loadConfig, startBorderKg } from '../../src/index';
import { childSettings, reportFailure, reportReady, serveCpuProfiles, stopOnSignal } from './child';

/** This service, as `npm start` runs it, on the benchmark's Neo4j (migrations already applied, not empty). */
async function main() {
  const { neo4jUri, port } = childSettings();
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'silent',
    NEO4J_URI: neo4jUri,
  });
  const running = await startBorderKg(config, createLogger('silent'));
  stopOnSignal(() => running.stop());
  serveCpuProfiles();
  reportReady(running.url);
}

main().catch(reportFailure);
