import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../bench/lib/processes';
import { generateApiKey } from '../../lib/auth/api-keys';
import { migrate } from '../../lib/db/migrate';
import { stopChild, waitForWorker, waitUntilReady } from '../../scripts/child-processes';
import { eventually } from '../support/eventually';
import { testEnvironment } from '../support/globals';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres';
import { type SseMessage, SseClient } from '../support/sse';
import { RecordingReceiver, spawnTaskwright, verifyWebhook } from '../support/taskwright-processes';

// Two API processes and two workers, as real processes, on one PostgreSQL database and one
// Temporal: what "scale out" in the README describes, on loopback.
const TASKS = 8;
const LATER_TASKS = 4;
const SECRET = 'whsec_scale_0123456789abcdef';
const SUBSCRIBED = ['task.created', 'task.status_changed', 'task.progress', 'task.complete', 'artifact.emitted'];

const env = testEnvironment();
const databaseName = uniqueDatabaseName('scale');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-scale-'));
const apiKey = generateApiKey();
const children: ChildProcess[] = [];
const apis: string[] = [];
let workers: ChildProcess[] = [];
let databaseUrl = '';
let shared: NodeJS.ProcessEnv = {};
const taskQueue = `scale-${Date.now()}`;
let receiver: RecordingReceiver;

beforeAll(async () => {
  databaseUrl = await createDatabase(env.adminUrl, databaseName);
  await migrate(databaseUrl);
  receiver = await RecordingReceiver.start();
  shared = {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: env.temporalAddress,
    TASK_QUEUE: taskQueue,
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    // What every process must share: the content store, the URL signing secrets, the dev key.
    ARTIFACT_DIR: path.join(dir, 'artifacts'),
    ARTIFACT_URL_SECRETS: randomBytes(32).toString('hex'),
    TASKWRIGHT_DEV_API_KEY: apiKey,
    OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true',
    EVENTS_POLL_INTERVAL_MS: '500',
    // A dispatcher's claim on a first attempt lasts this plus 30 s: the killed worker's run out sooner.
    WEBHOOK_TIMEOUT_MS: '3000',
    SHUTDOWN_GRACE_MS: '2000',
    LOG_LEVEL: 'error',
  };
  for (const name of ['api-1', 'api-2']) {
    const port = await freePort();
    const api = spawnTaskwright('server.js', { ...shared, PORT: String(port) }, dir, name);
    children.push(api);
    // One at a time: the first creates the dev tenant the second then finds.
    await waitUntilReady(`http://127.0.0.1:${port}/readyz`, api);
    apis.push(`http://127.0.0.1:${port}`);
  }
  workers = ['worker-1', 'worker-2'].map((name) => spawnTaskwright('worker.js', shared, dir, name));
  children.push(...workers);
  for (const worker of workers) await waitForWorker(env.temporalAddress, 'default', taskQueue, worker);
}, 120_000);

afterAll(async () => {
  await Promise.all(children.map((child) => stopChild(child, 5_000)));
  await receiver?.close();
  await dropDatabase(env.adminUrl, databaseName);
  fs.rmSync(dir, { recursive: true, force: true });
});

const request = (api: string, route: string, init: RequestInit & { json?: unknown } = {}) => {
  const { json, ...rest } = init;
  return fetch(`${api}${route}`, {
    ...rest,
    headers: { authorization: `Bearer ${apiKey}`, ...(json !== undefined && { 'content-type': 'application/json' }) },
    body: json !== undefined ? JSON.stringify(json) : undefined,
  });
};

describe('two API processes and two workers on one PostgreSQL and one Temporal', () => {
  it('streams from one API what the other created, delivers each event once, serves artifacts from both and loses nothing to a killed worker', async () => {
    const [first, second] = apis as [string, string];
    const subscribed = await request(first, '/v1/webhooks', { method: 'POST', json: { url: receiver.url, events: SUBSCRIBED, secret: SECRET } });
    expect(subscribed.status).toBe(201);
    const stream = await SseClient.open(`${second}/v1/events/stream`, { headers: { authorization: `Bearer ${apiKey}` } });

    const taskIds: string[] = [];
    for (let index = 0; index < TASKS; index++) {
      const created = await request(first, '/v1/tasks', {
        method: 'POST',
        json: { agent: 'echo', task_type: 'echo', input: { steps: 4, step_ms: 400, emit_file: { display_name: `part-${index}.bin`, size_bytes: 32_768 } } },
      });
      expect(created.status).toBe(202);
      taskIds.push(((await created.json()) as { task_id: string }).task_id);
    }
    // One worker dies mid-run; the other carries on with everything.
    await eventually(async () => {
      const { tasks } = (await (await request(second, '/v1/tasks?status=running&limit=100')).json()) as { tasks: unknown[] };
      return tasks.length > 0 ? true : undefined;
    }, 'tasks to run');
    workers[0]!.kill('SIGKILL');

    const complete = new Set<string>();
    const streamed: SseMessage[] = await stream.eventsUntil((message) => {
      if (message.event === 'task.complete') complete.add(JSON.parse(message.data!).task_id as string);
      return complete.size === TASKS;
    });
    stream.close();
    for (const taskId of taskIds) {
      const task = (await (await request(second, `/v1/tasks/${taskId}`)).json()) as { status: string };
      expect(task.status).toBe('complete');
    }

    // The stream from the other API: every event the log holds up to the last completion, in
    // order, no gap (this database is this test's alone, so seqs run 1, 2, 3, …).
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const seqs = streamed.map((message) => Number(message.id));
      expect(seqs).toEqual(seqs.map((_, index) => seqs[0]! + index));
      const logged = await db.query<{ id: string; seq: string }>(`SELECT id, seq FROM events WHERE seq IS NOT NULL AND seq <= $1 ORDER BY seq`, [seqs.at(-1)]);
      expect(streamed.map((message) => JSON.parse(message.data!).event_id)).toEqual(logged.rows.map((row) => row.id));

      const terminal = await db.query<{ task_id: string; count: string }>(`SELECT task_id, count(*) FROM events WHERE type = 'task.complete' GROUP BY task_id`);
      expect(terminal.rows.map((row) => Number(row.count))).toEqual(taskIds.map(() => 1));

      // Webhooks: every subscribed event, the killed worker's too. An attempt it had in flight is
      // made again once its claim runs out (at least once: receivers de-duplicate by event ID).
      const events = await db.query<{ id: string }>(`SELECT id FROM events WHERE type = ANY($1) AND seq IS NOT NULL`, [SUBSCRIBED]);
      await eventually(() => (events.rows.every((event) => receiver.accepted.has(event.id)) ? true : undefined), 'every event to be delivered', 90_000);
      expect(receiver.received.every((delivery) => verifyWebhook(delivery.body, delivery.signature, SECRET))).toBe(true);

      // Artifacts written by either worker download through either API.
      const files = await db.query<{ id: string; sha256: string }>(`SELECT id, sha256 FROM artifacts WHERE storage_path IS NOT NULL`);
      expect(files.rows).toHaveLength(TASKS);
      for (const file of files.rows) {
        for (const api of apis) {
          const { signed_url } = (await (await request(api, `/v1/artifacts/${file.id}`)).json()) as { signed_url: string };
          const signed = new URL(signed_url);
          const download = await fetch(`${api}${signed.pathname}${signed.search}`);
          expect(download.status).toBe(200);
          expect(createHash('sha256').update(Buffer.from(await download.arrayBuffer())).digest('hex')).toBe(file.sha256);
        }
      }
    } finally {
      await db.end();
    }

    // With both workers up, each event is delivered exactly once although two dispatchers watch
    // the log; these tasks are created through the other API.
    const replacement = spawnTaskwright('worker.js', shared, dir, 'worker-3');
    children.push(replacement);
    await waitForWorker(env.temporalAddress, 'default', taskQueue, replacement);
    const deliveredBefore = receiver.received.length;
    const laterIds: string[] = [];
    for (let index = 0; index < LATER_TASKS; index++) {
      const created = await request(second, '/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo', input: { steps: 2, step_ms: 200 } } });
      laterIds.push(((await created.json()) as { task_id: string }).task_id);
    }
    const later = new Client({ connectionString: databaseUrl });
    await later.connect();
    try {
      await eventually(async () => {
        const { rows } = await later.query(`SELECT id FROM tasks WHERE id = ANY($1) AND status = 'complete'`, [laterIds]);
        return rows.length === LATER_TASKS ? true : undefined;
      }, 'the later tasks to complete', 60_000);
      const events = await later.query<{ id: string }>(`SELECT id FROM events WHERE task_id = ANY($1) AND type = ANY($2) AND seq IS NOT NULL`, [laterIds, SUBSCRIBED]);
      await eventually(() => (events.rows.every((event) => receiver.accepted.has(event.id)) ? true : undefined), 'the later events to be delivered');
      const deliveries = receiver.received.slice(deliveredBefore).map((delivery) => delivery.eventId);
      expect(deliveries.sort()).toEqual(events.rows.map((event) => event.id).sort());
    } finally {
      await later.end();
    }

    // Either API's /metrics counts the same tasks (read from the one database).
    for (const api of apis) {
      const metrics = await (await fetch(`${api}/metrics`)).text();
      expect(metrics).toContain(`taskwright_tasks{status="complete",agent="echo"} ${TASKS + LATER_TASKS}`);
    }
  }, 240_000);
});
