import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { metricsRouter } from './api/metrics/router';
import { errorHandler, routeNotFound } from './api/middleware/errors';
import { requestContext } from './api/middleware/request-context';
import { loadConfigOrExit } from './lib/config';
import { openDatabase } from './lib/db/open';
import { EventFeed } from './lib/events/feed';
import { type Logger, createLogger } from './lib/logger';
import { runWorker } from './lib/temporal/run-worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config, 'worker');
  const database = await openDatabase(config, logger);
  // Wakes the webhook dispatcher when events are appended (LISTEN unless the database is embedded).
  const feed = new EventFeed({ db: database.db, listenUrl: database.embedded ? undefined : database.url, pollIntervalMs: config.EVENTS_POLL_INTERVAL_MS, logger });
  await feed.start();
  const worker = await runWorker(config, logger, database.db, feed);
  const metrics = config.WORKER_METRICS_PORT === undefined ? undefined : await serveWorkerMetrics(config.WORKER_METRICS_PORT, config.HOST, config.METRICS_TOKEN, logger);
  if (metrics) logger.info({ port: (metrics.address() as AddressInfo).port }, 'worker metrics listening');
  await worker.done;
  metrics?.close();
  await feed.stop();
  await database.close();
  logger.info('worker stopped');
}

/** The worker's own /metrics (activity durations and failures, task start latency), on a port of its own. */
async function serveWorkerMetrics(port: number, host: string, token: string | undefined, logger: Logger): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestContext(logger));
  app.use(metricsRouter({ token }));
  app.use(routeNotFound);
  app.use(errorHandler);
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, () => resolve(server)).on('error', reject);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
