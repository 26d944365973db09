import { loadConfigOrExit } from './lib/config';
import { openDatabase } from './lib/db/open';
import { EventFeed } from './lib/events/feed';
import { createLogger } from './lib/logger';
import { runWorker } from './lib/temporal/run-worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config, 'worker');
  const database = await openDatabase(config, logger);
  // Wakes the webhook dispatcher when events are appended (LISTEN unless the database is embedded).
  const feed = new EventFeed({ db: database.db, listenUrl: database.embedded ? undefined : database.url, pollIntervalMs: config.EVENTS_POLL_INTERVAL_MS, logger });
  await feed.start();
  const worker = await runWorker(config, logger, database.db, feed);
  await worker.done;
  await feed.stop();
  await database.close();
  logger.info('worker stopped');
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
