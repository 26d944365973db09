import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { builtInAgents } from './agents/registry';
import { createApp } from './api/app';
import { ensureDevTenant } from './lib/auth/bootstrap';
import { loadConfigOrExit } from './lib/config';
import { openDatabase } from './lib/db/open';
import { EventFeed } from './lib/events/feed';
import { createLogger } from './lib/logger';
import { downloadUrlSignerFor } from './lib/signing/url-secrets';
import { openContentStore } from './lib/storage/open';
import { type RunningWorker, runWorker } from './lib/temporal/run-worker';
import { TaskStarter } from './lib/temporal/task-starter';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config, 'api');
  const database = await openDatabase(config, logger);

  if (config.NODE_ENV === 'production') {
    // No key is made or logged by itself in production: logs travel further than a terminal.
    if (!(await database.db.tenant.count({ where: { operator: true } }))) {
      logger.warn('no operator tenant yet: issue its first admin key with `npm run operator-key`');
    }
  } else {
    const devTenant = await ensureDevTenant(database.db, config.TASKWRIGHT_DEV_API_KEY);
    if (devTenant.createdKey && !config.TASKWRIGHT_DEV_API_KEY) {
      // Shown once: only its hash is stored.
      logger.warn({ tenant_id: devTenant.tenantId, api_key: devTenant.createdKey }, 'created the dev tenant and its admin API key');
    }
  }

  // Lazy, so the API serves reads from PostgreSQL even while Temporal is down.
  const connection = Connection.lazy({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  // The embedded database's socket server shares one session between connections, so a LISTEN
  // connection beside the pool is not safe there; nor needed: every writer is in this process,
  // and its commits wake the feed.
  const feed = new EventFeed({ db: database.db, listenUrl: database.embedded ? undefined : database.url, pollIntervalMs: config.EVENTS_POLL_INTERVAL_MS, logger });
  await feed.start();
  const starter = new TaskStarter({ db: database.db, temporal, agents: builtInAgents, config, logger, sweepIntervalMs: config.EVENTS_POLL_INTERVAL_MS });
  starter.start();
  const app = createApp({
    db: database.db,
    temporal,
    agents: builtInAgents,
    config,
    logger,
    feed,
    storage: openContentStore(config),
    downloadUrls: downloadUrlSignerFor(config),
    starter,
  });
  // Only one connection may talk to the embedded database, so the process that owns it also
  // runs the worker (see lib/db/open.ts).
  const worker: RunningWorker | undefined = database.embedded ? await runWorker(config, logger, database.db, feed) : undefined;

  const server: Server = app.listen(config.PORT, config.HOST, () => {
    logger.info({ url: config.publicBaseUrl, port: config.PORT }, 'API listening');
  });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'API server failed');
    process.exit(1);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    server.closeIdleConnections();
    // Ends every SSE stream (each with a comment telling its client where to resume).
    await feed.stop();
    const forceClose = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_GRACE_MS);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(forceClose);
    await starter.stop();
    await worker?.stop();
    await connection.close();
    await database.close();
    logger.info('API stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
