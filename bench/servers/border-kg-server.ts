import { createLogger, loadConfig, startBorderKg } from '../../src/index';
import { childSettings, reportFailure, reportReady, serveCpuProfiles, stopOnSignal } from './child';

/** The benchmark environment's variables of a prefix. */
function settingsNamed(prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[0].startsWith(prefix) && entry[1] !== undefined));
}

/**
 * Fair use is off by default here: the load tool is one anonymous client, and the other
 * contenders have no such limits. FAIR_USE_* variables of the benchmark's environment turn it
 * on (`npm run bench:fair-use` sets them). The response cache is off, as by default, unless
 * RESPONSE_CACHE_* variables turn it on (`npm run bench:response-cache` sets them).
 */
function settingsOfTheBenchmark(): Record<string, string> {
  return {
    FAIR_USE_COST_BUDGET: '0',
    FAIR_USE_WRITE_BUDGET: '0',
    FAIR_USE_HEAVY_CONCURRENCY: '0',
    ...settingsNamed('FAIR_USE_'),
    ...settingsNamed('RESPONSE_CACHE_'),
  };
}

/** This service, as `npm start` runs it, on the benchmark's Neo4j (migrations already applied, not empty). */
async function main() {
  const { neo4jUri, neo4jUsername, neo4jPassword, port } = childSettings();
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'silent',
    NEO4J_URI: neo4jUri,
    NEO4J_USERNAME: neo4jUsername,
    NEO4J_PASSWORD: neo4jPassword,
    ...settingsOfTheBenchmark(),
  });
  const running = await startBorderKg(config, createLogger('silent'));
  stopOnSignal(() => running.stop());
  serveCpuProfiles();
  reportReady(running.url);
}

main().catch(reportFailure);
