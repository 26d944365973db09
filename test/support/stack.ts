import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import pino from 'pino';
import { builtInAgents } from '../../agents/registry';
import { createApp } from '../../api/app';
import { issueApiKey } from '../../lib/auth/api-keys';
import { loadConfig } from '../../lib/config';
import { type Database, createDatabase } from '../../lib/db/client';
import { newId } from '../../lib/ids';
import { type TaskWorkerOptions, createTaskWorker } from '../../lib/temporal/worker';
import { testEnvironment } from './globals';

export interface TestTenant {
  tenantId: string;
  apiKey: string;
}

export interface TestStack {
  baseUrl: string;
  db: Database;
  temporal: Client;
  taskQueue: string;
  /** An operator-tenant admin, like the dev key. */
  admin: TestTenant;
  newTenant(): Promise<TestTenant>;
  /** Stops the worker (the API keeps running); `startWorker` brings it back. */
  stopWorker(): Promise<void>;
  startWorker(options?: Pick<TaskWorkerOptions, 'concurrency'>): Promise<void>;
  /** fetch() against the API with the admin key unless another is given. */
  request(path: string, init?: RequestInit & { apiKey?: string | null; json?: unknown }): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * The real thing, in-process: the Express app on a loopback port, a worker on its own task
 * queue, both on the run's PostgreSQL database and Temporal dev server.
 */
let runtimeInstalled = false;

export async function startStack(options: { worker?: boolean } = {}): Promise<TestStack> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const env = testEnvironment();
  const taskQueue = `test-${newId('task').slice(5).toLowerCase()}`;
  const config = loadConfig({ DATABASE_URL: env.databaseUrl, TEMPORAL_ADDRESS: env.temporalAddress, TASK_QUEUE: taskQueue, LOG_LEVEL: 'silent' });
  const db = createDatabase(env.databaseUrl, 5);
  const connection = await Connection.connect({ address: env.temporalAddress });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const app = createApp({ db, temporal, agents: builtInAgents, config, logger: pino({ level: 'silent' }) });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const startWorker = async (workerOptions: Pick<TaskWorkerOptions, 'concurrency'> = {}) => {
    worker = await createTaskWorker({
      ...workerOptions,
      connection: nativeConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue,
      db,
      agents: builtInAgents,
      workflowBundlePath: env.workflowBundle,
      shutdownGraceTimeMs: 1_000,
    });
    running = worker.run();
  };
  const stopWorker = async () => {
    if (!worker) return;
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

  return {
    baseUrl,
    db,
    temporal,
    taskQueue,
    admin,
    newTenant: () => newTenant(),
    startWorker,
    stopWorker,
    request(path, init = {}) {
      const { apiKey = admin.apiKey, json, headers, ...rest } = init;
      const merged = new Headers(headers);
      if (apiKey !== null) merged.set('authorization', `Bearer ${apiKey}`);
      if (json !== undefined) merged.set('content-type', 'application/json');
      return fetch(`${baseUrl}${path}`, { ...rest, headers: merged, body: json !== undefined ? JSON.stringify(json) : rest.body });
    },
    async stop() {
      await stopWorker();
      await new Promise((resolve) => server.close(resolve));
      await nativeConnection.close();
      await connection.close();
      await db.$disconnect();
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
