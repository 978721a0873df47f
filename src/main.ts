import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from './config/config';
import { createLogger } from './config/logger';
import { startBorderKg, type RunningService } from './app/app';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(`border-kg: ${error instanceof ConfigError ? error.message : String(error)}`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  let running: RunningService | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Shutting down');
    await running?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    running = await startBorderKg(config, log);
    if (stopping) await running.stop();
  } catch (error) {
    console.error(`border-kg: startup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

if (require.main === module) void main();
