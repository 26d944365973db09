import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import pino from 'pino';
import { agentsFor } from '../../agents/configured';
import { createApp } from '../../api/app';
import { issueApiKey } from '../../lib/auth/api-keys';
import { type Config, loadConfig } from '../../lib/config';
import { type Database, createDatabase } from '../../lib/db/client';
import { EventFeed } from '../../lib/events/feed';
import { newId } from '../../lib/ids';
import { openMailTransport } from '../../lib/mail/open';
import { type OutboundFetcher, outboundFetcherFor } from '../../lib/outbound/fetch-url';
import { downloadUrlSignerFor } from '../../lib/signing/url-secrets';
import { webhookSecretBoxFor } from '../../lib/webhooks/secret-box';
import { type ContentStore } from '../../lib/storage/content-store';
import { createLocalContentStore } from '../../lib/storage/local-content-store';
import { TaskStarter } from '../../lib/temporal/task-starter';
import { type TaskWorkerOptions, createTaskWorker } from '../../lib/temporal/worker';
import { WebhookDispatcher } from '../../lib/webhooks/dispatcher';
import { testEnvironment } from './globals';
import { installQuietRuntime } from './runtime';
import { createDatabase as createEmptyDatabase, dropDatabase, uniqueDatabaseName } from './postgres';
import { migrate } from '../../lib/db/migrate';

export interface TestTenant {
  tenantId: string;
  apiKey: string;
}

type RequestInitWithKey = RequestInit & { apiKey?: string | null; json?: unknown };

/** One API process: an Express app with its own database pool and its own event feed. */
export interface TestApi {
  baseUrl: string;
  /** fetch() against this API with the admin key unless another is given. */
  request(path: string, init?: RequestInitWithKey): Promise<Response>;
  stop(): Promise<void>;
}

export interface TestStack {
  baseUrl: string;
  config: Config;
  databaseUrl: string;
  db: Database;
  temporal: Client;
  taskQueue: string;
  /** The content store the worker writes artifact files to (a fresh directory per stack). */
  storage: ContentStore;
  /** What the worker's agents fetch URLs through (OUTBOUND_ALLOW_PRIVATE_NETWORKS in `env` opens loopback). */
  outbound: OutboundFetcher;
  /** An operator-tenant admin, like the dev key. */
  admin: TestTenant;
  newTenant(): Promise<TestTenant>;
  /** Stops the worker (the API keeps running); `startWorker` brings it back. */
  stopWorker(): Promise<void>;
  startWorker(options?: Pick<TaskWorkerOptions, 'concurrency'>): Promise<void>;
  /** fetch() against the API with the admin key unless another is given. */
  request(path: string, init?: RequestInitWithKey): Promise<Response>;
  /** Another API process on the same database and Temporal (stopped by `stop`), optionally through another Temporal client. */
  startApi(options?: { temporal?: Client }): Promise<TestApi>;
  stop(): Promise<void>;
}

const silent = pino({ level: 'silent' });

/**
 * The real thing, in-process: the Express app on a loopback port, a worker (with the webhook
 * dispatcher) on its own task queue, both on the run's PostgreSQL database and Temporal dev
 * server. `env` adds configuration, e.g. fast webhook retries. `ownDatabase` gives the stack a
 * fresh database of its own: webhook dispatchers share one cursor per database and launch
 * deliveries on their own task queue with their own retry settings, so stacks whose webhook
 * settings differ must not share one. The worker sends approved drafts through the configured
 * mail transport: the outbox, or SMTP with `env: { SMTP_URL }`.
 */
export async function startStack(options: { worker?: boolean; env?: Record<string, string>; ownDatabase?: boolean } = {}): Promise<TestStack> {
  installQuietRuntime();
  const shared = testEnvironment();
  const ownDatabaseName = options.ownDatabase ? uniqueDatabaseName('stack') : undefined;
  const env = ownDatabaseName ? { ...shared, databaseUrl: await createEmptyDatabase(shared.adminUrl, ownDatabaseName) } : shared;
  if (ownDatabaseName) await migrate(env.databaseUrl);
  const taskQueue = `test-${newId('task').slice(5).toLowerCase()}`;
  const config = loadConfig({
    DATABASE_URL: env.databaseUrl,
    TEMPORAL_ADDRESS: env.temporalAddress,
    TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'silent',
    ARTIFACT_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-artifacts-')),
    ARTIFACT_URL_SECRETS: randomBytes(32).toString('hex'),
    // Test files share one database and one loopback address, so they would spend one budget of
    // failed authentications together; test/api/rate-limits.test.ts sets its own.
    RATE_LIMIT_UNAUTHENTICATED: '1000',
    ...options.env,
  });
  const storage = createLocalContentStore(config.artifactDir);
  const outbound = outboundFetcherFor(config);
  const downloadUrls = downloadUrlSignerFor(config);
  const db = createDatabase(env.databaseUrl, 5);
  const connection = await Connection.connect({ address: env.temporalAddress });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  let adminKey = '';

  const startApi = async (apiDb: Database, apiTemporal: Client): Promise<TestApi> => {
    const feed = new EventFeed({ db: apiDb, listenUrl: env.databaseUrl, pollIntervalMs: config.EVENTS_POLL_INTERVAL_MS, logger: silent });
    await feed.start();
    // Only workers dispatch to registered agents: the API's registry reads them.
    const agents = agentsFor(apiDb, config);
    const starter = new TaskStarter({ db: apiDb, temporal: apiTemporal, agents, config, logger: silent, sweepIntervalMs: config.EVENTS_POLL_INTERVAL_MS });
    starter.start();
    const app = createApp({ db: apiDb, temporal: apiTemporal, agents, config, logger: silent, feed, storage, downloadUrls, starter });
    const server: Server = await new Promise((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      baseUrl,
      request(path, init = {}) {
        const { apiKey = adminKey, json, headers, ...rest } = init;
        const merged = new Headers(headers);
        if (apiKey !== null) merged.set('authorization', `Bearer ${apiKey}`);
        if (json !== undefined) merged.set('content-type', 'application/json');
        return fetch(`${baseUrl}${path}`, { ...rest, headers: merged, body: json !== undefined ? JSON.stringify(json) : rest.body });
      },
      async stop() {
        await starter.stop();
        await feed.stop();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  };
  const api = await startApi(db, temporal);
  const otherApis: { api: TestApi; db: Database }[] = [];

  // The worker process's own feed wakes its dispatcher.
  const workerFeed = new EventFeed({ db, listenUrl: env.databaseUrl, pollIntervalMs: config.EVENTS_POLL_INTERVAL_MS, logger: silent });
  await workerFeed.start();
  let dispatcher: WebhookDispatcher | undefined;

  const mail = openMailTransport(config, db);
  const nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const webhookDelivery = { timeoutMs: config.WEBHOOK_TIMEOUT_MS, allowPrivateNetworks: config.OUTBOUND_ALLOW_PRIVATE_NETWORKS, secrets: webhookSecretBoxFor(config) };
  const startWorker = async (workerOptions: Pick<TaskWorkerOptions, 'concurrency'> = {}) => {
    worker = await createTaskWorker({
      ...workerOptions,
      connection: nativeConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue,
      db,
      // Registered agents call back to the first API process (its port is known only now).
      agents: agentsFor(db, config, { callbackBaseUrl: api.baseUrl }),
      storage,
      outbound,
      mail,
      webhookDelivery,
      storageQuotaBytes: config.TENANT_MAX_STORAGE_BYTES,
      maxQueuedTasks: config.TENANT_MAX_QUEUED_TASKS,
      workflowBundlePath: env.workflowBundle,
      shutdownGraceTimeMs: 1_000,
    });
    running = worker.run();
    dispatcher = new WebhookDispatcher({ db, temporal, feed: workerFeed, config, delivery: webhookDelivery, logger: silent, sweepIntervalMs: config.EVENTS_POLL_INTERVAL_MS });
    await dispatcher.start();
  };
  const stopWorker = async () => {
    if (!worker) return;
    await dispatcher?.stop();
    worker.shutdown();
    await running;
    worker = undefined;
  };
  if (options.worker !== false) await startWorker();

  const newTenant = async (operator = false): Promise<TestTenant> => {
    const tenant = await db.tenant.create({ data: { id: newId('ten'), name: 'test tenant', operator } });
    const { key } = await issueApiKey(db, { tenantId: tenant.id, name: 'test admin', role: 'admin' });
    return { tenantId: tenant.id, apiKey: key };
  };
  const admin = await newTenant(true);
  adminKey = admin.apiKey;

  return {
    baseUrl: api.baseUrl,
    config,
    databaseUrl: env.databaseUrl,
    db,
    storage,
    outbound,
    temporal,
    taskQueue,
    admin,
    newTenant: () => newTenant(),
    startWorker,
    stopWorker,
    request: (path, init) => api.request(path, init),
    async startApi(apiOptions = {}) {
      const apiDb = createDatabase(env.databaseUrl, 5);
      const other = await startApi(apiDb, apiOptions.temporal ?? temporal);
      otherApis.push({ api: other, db: apiDb });
      return other;
    },
    async stop() {
      // Schedules outlive a stack in the shared Temporal server, firing on a queue nobody serves:
      // a stack with a database of its own removes those its tests made (in the shared database
      // they may be another test file's, still running).
      const ownSchedules = ownDatabaseName ? await db.schedule.findMany({ select: { id: true } }) : [];
      for (const { id } of ownSchedules) {
        await temporal.schedule
          .getHandle(id)
          .delete()
          .catch(() => undefined);
      }
      await stopWorker();
      await workerFeed.stop();
      for (const other of otherApis) {
        await other.api.stop();
        await other.db.$disconnect();
      }
      await api.stop();
      await nativeConnection.close();
      await connection.close();
      await db.$disconnect();
      if (ownDatabaseName) await dropDatabase(shared.adminUrl, ownDatabaseName);
    },
  };
}

/** Polls GET /v1/tasks/:id until `done` holds (or fails after `timeoutMs`). */
export async function waitForTask(
  stack: TestStack,
  taskId: string,
  done: (task: { status: string }) => boolean,
  options: { apiKey?: string; timeoutMs?: number } = {},
): Promise<Record<string, unknown> & { status: string }> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let last: (Record<string, unknown> & { status: string }) | undefined;
  while (Date.now() < deadline) {
    const response = await stack.request(`/v1/tasks/${taskId}`, { apiKey: options.apiKey });
    last = (await response.json()) as Record<string, unknown> & { status: string };
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Task ${taskId} did not reach the expected state; last seen: ${JSON.stringify(last)}`);
}

/**
 * A signed download URL as the test API serves it: signed URLs start with PUBLIC_BASE_URL, the
 * test server listens on a port of its own. `kind` is the path it must have (`artifacts`, `uploads`).
 */
export function reachableSignedUrl(stack: TestStack, signedUrl: string, kind: 'artifacts' | 'uploads'): URL {
  expect(signedUrl.startsWith(`${stack.config.publicBaseUrl}/files/${kind}/`)).toBe(true);
  const url = new URL(signedUrl);
  return new URL(`${url.pathname}${url.search}`, stack.baseUrl);
}
