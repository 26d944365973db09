import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import { agentsFor } from '../../agents/configured';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { EventFeed } from '../events/feed';
import type { Logger } from '../logger';
import { openMailTransport } from '../mail/open';
import { WebhookDispatcher } from '../webhooks/dispatcher';
import { resealWebhookSecrets, webhookSecretBoxFor } from '../webhooks/secret-box';
import { outboundFetcherFor } from '../outbound/fetch-url';
import { connectWithRetry } from './connect';
import { registerSearchAttributes } from './search-attributes';
import { openContentStore } from '../storage/open';
import { ensureRetentionSchedule } from './retention-schedule';
import { createTaskWorker } from './worker';

export interface RunningWorker {
  /** Settles when the worker has stopped (after SIGINT/SIGTERM or `stop`). */
  done: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the task worker and, beside it, the webhook dispatcher (woken by `feed`). The SDK stops
 * the worker on SIGINT/SIGTERM and lets in-flight activities finish within SHUTDOWN_GRACE_MS;
 * `done` settles once it has.
 */
export async function runWorker(config: Config, logger: Logger, db: Database, feed: EventFeed): Promise<RunningWorker> {
  // The SDK's own log lines join ours as JSON.
  Runtime.install({
    logger: new DefaultLogger('INFO', ({ level, message, meta }) => {
      logger[level === 'WARN' ? 'warn' : level === 'ERROR' ? 'error' : 'debug']({ ...meta }, message);
    }),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
  });
  const connection = await connectWithRetry(() => NativeConnection.connect({ address: config.TEMPORAL_ADDRESS }), logger, config.TEMPORAL_ADDRESS);
  const operator = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const registered = await registerSearchAttributes(operator, config.TEMPORAL_NAMESPACE);
  if (registered.length > 0) logger.info({ search_attributes: registered }, 'registered Temporal search attributes');
  // The dispatcher's first attempts and the workflow's retries are made alike.
  const webhookSecrets = webhookSecretBoxFor(config);
  const resealed = await resealWebhookSecrets(db, webhookSecrets);
  if (resealed > 0) logger.info({ webhooks: resealed }, 'sealed webhook secrets under the current key');
  const webhookDelivery = { timeoutMs: config.WEBHOOK_TIMEOUT_MS, allowPrivateNetworks: config.OUTBOUND_ALLOW_PRIVATE_NETWORKS, secrets: webhookSecrets };
  const worker = await createTaskWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TASK_QUEUE,
    db,
    agents: agentsFor(db, config),
    storage: openContentStore(config),
    outbound: outboundFetcherFor(config),
    mail: openMailTransport(config, db),
    webhookDelivery,
    triggerMaxDepth: config.TRIGGER_MAX_DEPTH,
    storageQuotaBytes: config.TENANT_MAX_STORAGE_BYTES,
    maxQueuedTasks: config.TENANT_MAX_QUEUED_TASKS,
    shutdownGraceTimeMs: config.SHUTDOWN_GRACE_MS,
  });
  const client = new Client({ connection: operator, namespace: config.TEMPORAL_NAMESPACE });
  await ensureRetentionSchedule(client, { taskQueue: config.TASK_QUEUE, intervalMs: config.RETENTION_INTERVAL_MS });
  const dispatcher = new WebhookDispatcher({
    db,
    temporal: client,
    feed,
    config,
    delivery: webhookDelivery,
    logger,
    sweepIntervalMs: config.EVENTS_POLL_INTERVAL_MS,
  });
  await dispatcher.start();
  logger.info({ task_queue: config.TASK_QUEUE, temporal: config.TEMPORAL_ADDRESS, mail: config.SMTP_URL ? 'smtp' : 'outbox' }, 'worker started');
  const done = worker.run().finally(async () => {
    await dispatcher.stop();
    await operator.close();
    await connection.close();
  });
  return {
    done,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
