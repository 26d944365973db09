import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../bench/lib/processes';
import { generateApiKey } from '../../lib/auth/api-keys';
import { migrate } from '../../lib/db/migrate';
import { type DevServer, startTemporalDevServer } from '../../lib/temporal/dev-server';
import { stopChild, waitForWorker, waitUntilReady } from '../../scripts/child-processes';
import { RecordingReceiver, spawnTaskwright, verifyWebhook } from '../support/taskwright-processes';
import { PrivatePostgres } from './private-postgres';

export interface ChaosOptions {
  tasks: number;
  workerKills: number;
  temporalRestarts: number;
  postgresRestarts: number;
  /** The whole run's budget: tasks still open then count as lost. */
  deadlineMs: number;
  log: (line: string) => void;
}

export interface ChaosReport {
  tasks: number;
  faults: { workerKills: number; temporalRestarts: number; postgresRestarts: number; webhookFailures: number };
  /** Worker processes that exited without being killed (and were started again). */
  workerExits: number;
  /** Tasks that did not reach the state their input implies, and events never delivered. */
  lost: { tasks: string[]; events: string[] };
  /** Tasks with more than one terminal event or result artifact. */
  duplicated: string[];
  /** File artifacts whose content is missing or does not match its sha256. */
  missingContent: string[];
  /** Deliveries whose signature the seed's verification code refused. */
  badSignatures: number;
  /** What GET /metrics said at the end: tasks by status. */
  metricsTasks: Record<string, number>;
  elapsedMs: number;
}

/** What each kind of task does, and what it must end as. */
const KINDS = [
  { name: 'steps+file', input: { steps: 3, step_ms: 1_000, emit_file: { display_name: 'data.bin', mime_type: 'application/octet-stream', size_bytes: 65_536 } }, decide: null, expected: 'complete', results: 1 },
  { name: 'approved', input: { steps: 2, step_ms: 500, require_approval: true }, decide: 'approve', expected: 'complete', results: 1 },
  { name: 'denied', input: { require_approval: true }, decide: 'deny', expected: 'failed', results: 1 },
  { name: 'failing', input: { steps: 1, fail_with: 'chaos_failure' }, decide: null, expected: 'failed', results: 0 },
] as const;

const TERMINAL = ['complete', 'failed', 'cancelled'];
const WEBHOOK_SECRET = 'whsec_chaos_0123456789abcdef';

/**
 * Runs tasks on real processes (`dist/server.js`, `dist/worker.js`) against a private PostgreSQL
 * and a private Temporal dev server while it SIGKILLs the worker, restarts Temporal and crashes
 * PostgreSQL, and a webhook receiver fails half of its requests and delays the others; then checks
 * every task, event, artifact and delivery. Loopback only; nothing outside the run is touched.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const log = (line: string) => options.log(`${((Date.now() - started) / 1000).toFixed(1)} s: ${line}`);
  const cleanups: (() => Promise<void>)[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-chaos-'));
  if (!process.env.CHAOS_KEEP_DIR) cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  try {
    const postgres = await PrivatePostgres.start(await freePort());
    cleanups.push(() => postgres.stop());
    const databaseUrl = await createChaosDatabase(postgres.adminUrl);
    await migrate(databaseUrl);
    log(`private PostgreSQL on :${postgres.port}`);

    const temporalPort = await freePort();
    const temporalDb = path.join(dir, 'temporal.db');
    let temporal: DevServer = await startTemporalDevServer({ port: temporalPort, dbFilename: temporalDb });
    cleanups.push(() => temporal.teardown());
    log(`private Temporal dev server on ${temporal.address}`);

    const receiver = await RecordingReceiver.start({ failEvery: 2 });
    cleanups.push(() => receiver.close());

    const port = await freePort();
    const apiKey = generateApiKey();
    const taskQueue = `chaos-${Date.now()}`;
    const env: NodeJS.ProcessEnv = {
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TASK_QUEUE: taskQueue,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dir,
      ARTIFACT_DIR: path.join(dir, 'artifacts'),
      ARTIFACT_URL_SECRETS: randomBytes(32).toString('hex'),
      TASKWRIGHT_DEV_API_KEY: apiKey,
      OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true',
      WEBHOOK_RETRY_INITIAL_MS: '200',
      WEBHOOK_RETRY_MAX_INTERVAL_MS: '2000',
      WEBHOOK_TIMEOUT_MS: '3000',
      EVENTS_POLL_INTERVAL_MS: '500',
      SHUTDOWN_GRACE_MS: '2000',
      LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'error',
    };
    const baseUrl = `http://127.0.0.1:${port}`;
    const spawnProcess = (entry: 'server.js' | 'worker.js') => spawnTaskwright(entry, env, dir);
    const api = spawnProcess('server.js');
    cleanups.push(() => stopChild(api, 5_000));
    await waitUntilReady(`${baseUrl}/readyz`, api);
    // Supervised as docker-compose's restart policy would: a worker that exits on its own (one
    // starting while PostgreSQL is down does) is started again, and counted.
    let worker: ChildProcess;
    let stopping = false;
    let unexpectedExits = 0;
    const startWorker = () => {
      const child = spawnProcess('worker.js');
      child.once('exit', (code, signal) => {
        if (stopping || signal === 'SIGKILL') return;
        unexpectedExits++;
        log(`the worker exited on its own (${signal ?? `code ${code}`}); starting it again`);
        setTimeout(() => !stopping && (worker = startWorker()), 1_000);
      });
      return child;
    };
    worker = startWorker();
    cleanups.push(async () => {
      stopping = true;
      await stopChild(worker, 5_000);
    });
    await waitForWorker(temporal.address, 'default', taskQueue, worker);

    const request = async (route: string, init: RequestInit & { json?: unknown } = {}) => {
      const { json, ...rest } = init;
      for (let attempt = 1; ; attempt++) {
        try {
          return await fetch(`${baseUrl}${route}`, {
            ...rest,
            headers: { authorization: `Bearer ${apiKey}`, ...(json !== undefined && { 'content-type': 'application/json' }) },
            body: json !== undefined ? JSON.stringify(json) : undefined,
          });
        } catch (error) {
          // The API process stays up; a request can still fail while PostgreSQL restarts.
          if (attempt >= 20) throw error;
          await sleep(250);
        }
      }
    };

    const subscribed = await request('/v1/webhooks', {
      method: 'POST',
      json: { url: receiver.url, events: ['task.created', 'task.complete', 'task.failed', 'task.cancelled', 'artifact.emitted', 'approval.requested', 'approval.resolved'], secret: WEBHOOK_SECRET },
    });
    if (subscribed.status !== 201) throw new Error(`webhook subscription failed: ${subscribed.status} ${await subscribed.text()}`);

    // Tasks: created through the API (retrying a refused create with the same Idempotency-Key).
    const tasks: { id: string; kind: (typeof KINDS)[number] }[] = [];
    for (let index = 0; index < options.tasks; index++) {
      const kind = KINDS[index % KINDS.length]!;
      let created: Response;
      do {
        created = await request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo', input: kind.input }, headers: { 'idempotency-key': `chaos-${index}` } });
        if (created.status !== 202) await sleep(250);
      } while (created.status !== 202);
      tasks.push({ id: ((await created.json()) as { task_id: string }).task_id, kind });
    }
    log(`created ${tasks.length} tasks`);

    // Approvers: decide each open approval as the task's kind says, until every task has ended.
    let finished = false;
    const approvers = (async () => {
      const byId = new Map(tasks.map((task) => [task.id, task.kind]));
      while (!finished) {
        const response = await request('/v1/approvals?status=pending&limit=100').catch(() => undefined);
        if (response?.ok) {
          const { approvals } = (await response.json()) as { approvals: { approval_id: string; task_id: string }[] };
          for (const approval of approvals) {
            const decide = byId.get(approval.task_id)?.decide;
            if (decide) await request(`/v1/approvals/${approval.approval_id}/${decide}`, { method: 'POST', json: { comment: 'chaos' } }).catch(() => undefined);
          }
        }
        await sleep(300);
      }
    })();

    // Faults, spread over the run while tasks are open.
    const faults = { workerKills: 0, temporalRestarts: 0, postgresRestarts: 0, webhookFailures: 0 };
    const schedule: ('worker' | 'temporal' | 'postgres')[] = Array<'worker'>(options.workerKills).fill('worker');
    // The restarts land between worker kills, a third and two thirds of the way through.
    for (let restart = 0; restart < options.temporalRestarts; restart++) schedule.splice(Math.floor(schedule.length / 3), 0, 'temporal');
    for (let restart = 0; restart < options.postgresRestarts; restart++) schedule.splice(Math.floor((2 * schedule.length) / 3), 0, 'postgres');
    for (const fault of schedule) {
      await sleep(1_500);
      if (fault === 'worker') {
        if (worker.exitCode === null && worker.signalCode === null) {
          const exited = new Promise((resolve) => worker.once('exit', resolve));
          worker.kill('SIGKILL');
          await exited;
        }
        faults.workerKills++;
        worker = startWorker();
        await waitForWorker(temporal.address, 'default', taskQueue, worker);
        log(`SIGKILLed the worker (${faults.workerKills})`);
      } else if (fault === 'temporal') {
        await temporal.teardown();
        temporal = await startTemporalDevServer({ port: temporalPort, dbFilename: temporalDb });
        faults.temporalRestarts++;
        log('restarted the Temporal dev server');
      } else {
        await postgres.restart();
        faults.postgresRestarts++;
        log('crashed and restarted PostgreSQL');
      }
    }

    // Every task ends (or the budget runs out).
    const remaining = () => started + options.deadlineMs - Date.now();
    const statuses = new Map<string, string>();
    while (remaining() > 0) {
      for (const task of tasks) {
        if (TERMINAL.includes(statuses.get(task.id) ?? '')) continue;
        const response = await request(`/v1/tasks/${task.id}`).catch(() => undefined);
        if (response?.ok) statuses.set(task.id, ((await response.json()) as { status: string }).status);
      }
      if (tasks.every((task) => TERMINAL.includes(statuses.get(task.id) ?? ''))) break;
      await sleep(500);
    }
    finished = true;
    await approvers;
    log(`tasks ended: ${[...statuses.values()].filter((status) => TERMINAL.includes(status)).length}/${tasks.length}`);

    // Checks, from the database and through the API.
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    cleanups.push(() => db.end());
    const lostTasks = tasks.filter((task) => statuses.get(task.id) !== task.kind.expected).map((task) => `${task.id} (${task.kind.name}): ${statuses.get(task.id) ?? 'unknown'}`);
    const counts = await db.query<{ task_id: string; terminal: string; results: string }>(
      `SELECT t.id AS task_id,
              (SELECT count(*) FROM events e WHERE e.task_id = t.id AND e.type IN ('task.complete', 'task.failed', 'task.cancelled')) AS terminal,
              (SELECT count(*) FROM artifacts a WHERE a.task_id = t.id AND a.type = 'echo.result') AS results
         FROM tasks t`,
    );
    const expectedResults = new Map(tasks.map((task) => [task.id, task.kind.results]));
    const duplicated = counts.rows
      .filter((row) => Number(row.terminal) > 1 || Number(row.results) > (expectedResults.get(row.task_id) ?? 0))
      .map((row) => `${row.task_id}: ${row.terminal} terminal events, ${row.results} results`);
    const missingResults = counts.rows.filter((row) => Number(row.terminal) === 1 && Number(row.results) < (expectedResults.get(row.task_id) ?? 0));
    lostTasks.push(...missingResults.map((row) => `${row.task_id}: ${row.results} results`));

    const missingContent: string[] = [];
    const files = await db.query<{ id: string; sha256: string }>(`SELECT id, sha256 FROM artifacts WHERE storage_path IS NOT NULL`);
    for (const file of files.rows) {
      const described = (await (await request(`/v1/artifacts/${file.id}`)).json()) as { signed_url?: string };
      const signed = described.signed_url ? new URL(described.signed_url) : undefined;
      const download = signed ? await fetch(`${baseUrl}${signed.pathname}${signed.search}`) : undefined;
      const body = download?.ok ? Buffer.from(await download.arrayBuffer()) : undefined;
      if (!body || createHash('sha256').update(body).digest('hex') !== file.sha256) missingContent.push(file.id);
    }
    const expectedFiles = tasks.filter((task) => task.kind.name === 'steps+file' && statuses.get(task.id) === 'complete').length;
    if (files.rows.length < expectedFiles) missingContent.push(`${expectedFiles - files.rows.length} file artifacts never recorded`);

    // Every subscribed event reaches the receiver, signed as the seed verifies (retries take a while).
    const subscribedTypes = ['task.created', 'task.complete', 'task.failed', 'task.cancelled', 'artifact.emitted', 'approval.requested', 'approval.resolved'];
    const events = await db.query<{ id: string }>(`SELECT id FROM events WHERE type = ANY($1) AND seq IS NOT NULL`, [subscribedTypes]);
    let undelivered = events.rows.map((event) => event.id).filter((id) => !receiver.accepted.has(id));
    while (undelivered.length > 0 && remaining() > 0) {
      await sleep(500);
      undelivered = undelivered.filter((id) => !receiver.accepted.has(id));
    }
    log(`events delivered: ${events.rows.length - undelivered.length}/${events.rows.length}`);
    faults.webhookFailures = receiver.failed;
    const badSignatures = receiver.received.filter((delivery) => !verifyWebhook(delivery.body, delivery.signature, WEBHOOK_SECRET)).length;

    const metricsText = await (await fetch(`${baseUrl}/metrics`)).text();
    const metricsTasks: Record<string, number> = {};
    for (const [, status, value] of metricsText.matchAll(/^taskwright_tasks\{status="([a-z_]+)",agent="echo"\} (\d+)$/gm)) metricsTasks[status!] = Number(value);

    return {
      tasks: tasks.length,
      faults,
      workerExits: unexpectedExits,
      lost: { tasks: lostTasks, events: undelivered },
      duplicated,
      missingContent,
      badSignatures,
      metricsTasks,
      elapsedMs: Date.now() - started,
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => log(`cleanup: ${(error as Error).message}`));
  }
}

async function createChaosDatabase(adminUrl: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE taskwright_chaos');
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = '/taskwright_chaos';
  return url.toString();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
