/**
 * Webhook delivery throughput: 10 subscriptions to `task.created`, 100 tasks' `task.created`
 * events appended through appendTaskEvents in one transaction, one loopback receiver; the time
 * from their commit until every delivery has been answered 2xx, and until each is logged
 * succeeded.
 *
 *   npm run build && node dist/bench/webhook-deliveries.js
 *
 * BENCH_WEBHOOKS (default 10) and BENCH_TASKS (default 100) change the shape; a Temporal dev
 * server with its history in a SQLite file (as `npm start` runs it) and a throwaway database of
 * the local PostgreSQL (TEST_DATABASE_ADMIN_URL for another server) are started and removed.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { builtInAgents } from '../agents/registry';
import { loadConfig } from '../lib/config';
import { createDatabase as openDatabase } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { appendTaskEvents } from '../lib/db/task-events';
import { EventFeed } from '../lib/events/feed';
import { newId } from '../lib/ids';
import { openMailTransport } from '../lib/mail/open';
import { outboundFetcherFor } from '../lib/outbound/fetch-url';
import { createLocalContentStore } from '../lib/storage/local-content-store';
import { startTemporalDevServer } from '../lib/temporal/dev-server';
import { createTaskWorker } from '../lib/temporal/worker';
import { WebhookDispatcher } from '../lib/webhooks/dispatcher';
import { createDatabase, dropDatabase, ensurePostgres, uniqueDatabaseName } from '../scripts/local-postgres';

const WEBHOOKS = Number(process.env.BENCH_WEBHOOKS ?? 10);
const TASKS = Number(process.env.BENCH_TASKS ?? 100);

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-bench-webhooks-'));
  const adminUrl = await ensurePostgres();
  const name = uniqueDatabaseName('bench');
  const url = await createDatabase(adminUrl, name);
  const temporalServer = await startTemporalDevServer({ dbFilename: path.join(scratch, 'temporal.db') });
  const received = new Map<string, number>();
  let firstReceivedAt: number | undefined;
  const receiver = http.createServer((req, res) => {
    req.resume().on('end', () => {
      const key = `${String(req.headers['x-ariftly-delivery-id'])}`;
      received.set(key, (received.get(key) ?? 0) + 1);
      firstReceivedAt ??= performance.now();
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  try {
    await migrate(url);
    const config = loadConfig({ DATABASE_URL: url, TEMPORAL_ADDRESS: temporalServer.address, LOG_LEVEL: 'silent', OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true', DATA_DIR: scratch });
    const db = openDatabase(url, config.DATABASE_POOL_SIZE);
    const logger = pino({ level: 'warn' });
    const delivery = { timeoutMs: config.WEBHOOK_TIMEOUT_MS, allowPrivateNetworks: true };
    const nativeConnection = await NativeConnection.connect({ address: temporalServer.address });
    const connection = await Connection.connect({ address: temporalServer.address });
    const temporal = new Client({ connection });
    const worker = await createTaskWorker({
      connection: nativeConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TASK_QUEUE,
      db,
      agents: builtInAgents,
      storage: createLocalContentStore(path.join(scratch, 'artifacts')),
      mail: openMailTransport(config, db),
      outbound: outboundFetcherFor(config),
      webhookDelivery: delivery,
      shutdownGraceTimeMs: 1_000,
    });
    const running = worker.run();
    const feed = new EventFeed({ db, listenUrl: url, pollIntervalMs: config.EVENTS_POLL_INTERVAL_MS, logger });
    await feed.start();
    const dispatcher = new WebhookDispatcher({ db, temporal, feed, config, delivery, logger, sweepIntervalMs: config.EVENTS_POLL_INTERVAL_MS });
    await dispatcher.start();

    const tenant = await db.tenant.create({ data: { id: newId('ten'), name: 'bench' } });
    const { _max } = await db.event.aggregate({ _max: { seq: true } });
    for (let i = 0; i < WEBHOOKS; i++) {
      await db.webhook.create({ data: { id: newId('whk'), tenantId: tenant.id, url: receiverUrl, events: ['task.created'], secret: 'bench-secret-0123456789', afterSeq: _max.seq ?? 0n } });
    }
    const tasks = await Promise.all(
      Array.from({ length: TASKS }, () => db.task.create({ data: { id: newId('task'), tenantId: tenant.id, agent: 'echo', taskType: 'echo', input: { message: 'bench' }, status: 'queued' } })),
    );

    const expected = WEBHOOKS * TASKS;
    // One transaction, so the figure is the delivery pipeline's and not the event log's append rate.
    await db.$transaction(async (tx) => {
      for (const task of tasks) {
        await appendTaskEvents(tx, { taskId: task.id, tenantId: tenant.id, agent: 'echo' }, [{ id: newId('evt'), type: 'task.created', data: { task_id: task.id } }], new Date());
      }
    }, { timeout: 600_000 });
    const started = performance.now();
    while (received.size < expected) await new Promise((resolve) => setTimeout(resolve, 10));
    const delivered = performance.now();
    while ((await db.webhookDelivery.count({ where: { status: 'succeeded' } })) < expected) await new Promise((resolve) => setTimeout(resolve, 20));
    const logged = performance.now();

    const requests = [...received.values()].reduce((sum, count) => sum + count, 0);
    const attempts = await db.webhookDeliveryAttempt.count();
    const seconds = (delivered - started) / 1000;
    process.stdout.write(
      `webhook deliveries: ${WEBHOOKS} subscriptions × ${TASKS} events = ${expected}\n` +
        `  from the events' commit: all received in ${seconds.toFixed(2)} s ` +
        `(${(expected / seconds).toFixed(1)} deliveries/s); all logged succeeded in ${((logged - started) / 1000).toFixed(2)} s ` +
        `(${(expected / ((logged - started) / 1000)).toFixed(1)}/s)\n` +
        `  first received after ${((firstReceivedAt! - started) / 1000).toFixed(2)} s\n` +
        `  requests received ${requests} (duplicates ${requests - received.size}); attempt rows ${attempts}\n`,
    );

    await dispatcher.stop();
    await feed.stop();
    worker.shutdown();
    await running;
    await nativeConnection.close();
    await connection.close();
    await db.$disconnect();
  } finally {
    receiver.close();
    await temporalServer.teardown();
    await dropDatabase(adminUrl, name);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
