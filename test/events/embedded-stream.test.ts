import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import { builtInAgents } from '../../agents/registry';
import { createApp } from '../../api/app';
import { issueApiKey } from '../../lib/auth/api-keys';
import { loadConfig } from '../../lib/config';
import { type OpenDatabase, openDatabase } from '../../lib/db/open';
import { downloadUrlSignerFor } from '../../lib/signing/url-secrets';
import { TaskStarter } from '../../lib/temporal/task-starter';
import { createLocalContentStore } from '../../lib/storage/local-content-store';
import { EventFeed } from '../../lib/events/feed';
import { newId } from '../../lib/ids';
import { appendEvents, seedTask } from '../support/events';
import { testEnvironment } from '../support/globals';
import { SseClient } from '../support/sse';

// What `npm start` runs without DATABASE_URL: PGlite behind its socket, one pooled connection,
// and no LISTEN connection beside it. An append in this process wakes the feed once it commits;
// the poll is set to ten minutes, so nothing here can arrive by polling.
describe('the event stream on the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-pglite-events-'));
  const logger = pino({ level: 'silent' });
  let database: OpenDatabase;
  let feed: EventFeed;
  let connection: Connection;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', EVENTS_POLL_INTERVAL_MS: '600000' });
    database = await openDatabase(config, logger);
    feed = new EventFeed({ db: database.db, pollIntervalMs: config.EVENTS_POLL_INTERVAL_MS, logger });
    await feed.start();
    connection = await Connection.connect({ address: testEnvironment().temporalAddress });
    const temporal = new Client({ connection });
    const app = createApp({
      db: database.db,
      temporal,
      agents: builtInAgents,
      config,
      logger,
      feed,
      storage: createLocalContentStore(config.artifactDir),
      downloadUrls: downloadUrlSignerFor(config),
      // This file creates no tasks: the starter is never woken.
      starter: new TaskStarter({ db: database.db, temporal, agents: builtInAgents, config, logger, sweepIntervalMs: config.EVENTS_POLL_INTERVAL_MS }),
    });
    server = await new Promise((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await feed?.stop();
    await new Promise((resolve) => server?.close(resolve));
    await connection?.close();
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('streams events appended in-process live, woken by their commit, and resumes from Last-Event-ID', async () => {
    const tenant = await database.db.tenant.create({ data: { id: newId('ten'), name: 'embedded' } });
    const { key } = await issueApiKey(database.db, { tenantId: tenant.id, name: 'admin', role: 'admin' });
    const owner = await seedTask(database.db, tenant.id);
    const open = (headers: Record<string, string> = {}) =>
      SseClient.open(`${baseUrl}/v1/events/stream?task_id=${owner.taskId}`, { headers: { authorization: `Bearer ${key}`, ...headers } });

    const stream = await open();
    await appendEvents(database.db, owner, ['task.created', 'task.progress']);
    const live = await stream.eventsUntil((message) => message.event === 'task.progress');
    stream.close();
    expect(live.map((message) => message.event)).toEqual(['task.created', 'task.progress']);

    await appendEvents(database.db, owner, ['task.complete']);
    const resumed = await open({ 'last-event-id': live[0]!.id! });
    const rest = await resumed.eventsUntil((message) => message.event === 'task.complete');
    resumed.close();
    expect(rest.map((message) => message.id)).toEqual([live[1]!.id, expect.any(String)]);
    expect(rest.map((message) => message.event)).toEqual(['task.progress', 'task.complete']);
  });
});
