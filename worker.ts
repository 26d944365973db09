import { loadConfigOrExit } from './lib/config';
import { openDatabase } from './lib/db/open';
import { createLogger } from './lib/logger';
import { runWorker } from './lib/temporal/run-worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config, 'worker');
  const database = await openDatabase(config, logger);
  const worker = await runWorker(config, logger, database.db);
  await worker.done;
  await database.close();
  logger.info('worker stopped');
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
