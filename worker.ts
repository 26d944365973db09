import { Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import { builtInAgents } from './agents/registry';
import { loadConfigOrExit } from './lib/config';
import { openDatabase } from './lib/db/open';
import { createLogger } from './lib/logger';
import { connectWithRetry } from './lib/temporal/connect';
import { registerSearchAttributes } from './lib/temporal/search-attributes';
import { createTaskWorker } from './lib/temporal/worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config, 'worker');
  // The SDK's own log lines join ours as JSON.
  Runtime.install({
    logger: new DefaultLogger('INFO', ({ level, message, meta }) => {
      logger[level === 'WARN' ? 'warn' : level === 'ERROR' ? 'error' : 'debug']({ ...meta }, message);
    }),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
  });
  const database = await openDatabase(config, logger);
  const connection = await connectWithRetry(() => NativeConnection.connect({ address: config.TEMPORAL_ADDRESS }), logger, config.TEMPORAL_ADDRESS);
  const operator = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const registered = await registerSearchAttributes(operator, config.TEMPORAL_NAMESPACE).finally(() => operator.close());
  if (registered.length > 0) logger.info({ search_attributes: registered }, 'registered Temporal search attributes');
  const worker = await createTaskWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TASK_QUEUE,
    db: database.db,
    agents: builtInAgents,
    shutdownGraceTimeMs: config.SHUTDOWN_GRACE_MS,
  });
  logger.info({ task_queue: config.TASK_QUEUE, temporal: config.TEMPORAL_ADDRESS }, 'worker started');
  // The SDK stops polling on SIGINT/SIGTERM and lets in-flight activities finish within the grace time.
  await worker.run();
  await connection.close();
  await database.close();
  logger.info('worker stopped');
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
