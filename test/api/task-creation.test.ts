import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import { builtInAgents } from '../../agents/registry';
import { createApp } from '../../api/app';
import { EventFeed } from '../../lib/events/feed';
import { newId } from '../../lib/ids';
import { downloadUrlSignerFor } from '../../lib/signing/url-secrets';
import { TaskStarter } from '../../lib/temporal/task-starter';
import { type TestStack, startStack, waitForTask } from '../support/stack';
import { eventually } from '../support/eventually';

// Creating a task is one database transaction (task row, `task.created`, a `task_starts` outbox
// row); starters carry out the workflow starts. These tests take the starts away from the API
// that created the task, as a crash or a Temporal outage would.
let stack: TestStack;
beforeAll(async () => {
  // The API's own starter never sweeps here: only the starters a test runs find orphaned starts.
  stack = await startStack({ env: { EVENTS_POLL_INTERVAL_MS: '600000' } });
});
afterAll(async () => {
  await stack?.stop();
});

const silent = pino({ level: 'silent' });
const starterFor = (temporal: Client) =>
  new TaskStarter({ db: stack.db, temporal, agents: builtInAgents, config: stack.config, logger: silent, sweepIntervalMs: 100 });

describe('creating a task', () => {
  it('starts a task whose creator died after committing it: another starter finds the pending start', async () => {
    // The rows the create transaction writes, and then nothing: the process is gone.
    const taskId = newId('task');
    await stack.db.task.create({
      data: { id: taskId, tenantId: stack.admin.tenantId, agent: 'echo', taskType: 'echo', input: { message: 'orphan' }, status: 'queued', start: { create: { taskQueue: stack.taskQueue } } },
    });
    const sweeper = starterFor(stack.temporal);
    sweeper.start();
    try {
      await waitForTask(stack, taskId, (task) => task.status === 'complete');
      expect(await stack.db.taskStart.count({ where: { taskId } })).toBe(0);
    } finally {
      await sweeper.stop();
    }
  });

  it('accepts tasks while Temporal is unreachable and starts them once it is back', async () => {
    const unreachable = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
    const starter = starterFor(unreachable);
    const feed = new EventFeed({ db: stack.db, listenUrl: stack.databaseUrl, pollIntervalMs: 1_000, logger: silent });
    await feed.start();
    const app = createApp({ db: stack.db, temporal: unreachable, agents: builtInAgents, config: stack.config, logger: silent, feed, storage: stack.storage, downloadUrls: downloadUrlSignerFor(stack.config), starter });
    const server: Server = await new Promise((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const created = await fetch(`${baseUrl}/v1/tasks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.admin.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ agent: 'echo', input: { message: 'while Temporal is down' } }),
      });
      expect(created.status).toBe(202);
      const { task_id: taskId, status } = (await created.json()) as { task_id: string; status: string };
      expect(status).toBe('queued');
      // The failed start is recorded and kept for a retry; the task waits, queued.
      const pending = await eventually(
        async () => {
          const row = await stack.db.taskStart.findUniqueOrThrow({ where: { taskId } });
          return row.attempts >= 1 && row.lastError !== null ? row : undefined;
        },
        'a failed start attempt',
        60_000,
      );
      expect(pending.lastError).toEqual(expect.any(String));
      expect((await stack.db.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe('queued');

      await starter.stop();
      const recovered = starterFor(stack.temporal);
      recovered.start();
      try {
        await waitForTask(stack, taskId, (task) => task.status === 'complete', { timeoutMs: 90_000 });
      } finally {
        await recovered.stop();
      }
    } finally {
      await starter.stop();
      await feed.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await unreachable.connection.close();
    }
  }, 180_000);

  it('lets a command reach a task the moment it is created, before any starter ran', async () => {
    const taskId = newId('task');
    await stack.db.task.create({
      data: { id: taskId, tenantId: stack.admin.tenantId, agent: 'echo', taskType: 'echo', input: { message: 'held' }, status: 'pending', start: { create: { taskQueue: stack.taskQueue } } },
    });
    await stack.db.event.create({ data: { id: newId('evt'), tenantId: stack.admin.tenantId, taskId, taskSeq: 1, agent: 'echo', type: 'task.created', data: { task_id: taskId } } });
    await stack.db.task.update({ where: { id: taskId }, data: { lastSeq: 1 } });
    // No starter will start it: the command must.
    const processed = await stack.request(`/v1/tasks/${taskId}/process`, { method: 'POST', json: { message: 'go' } });
    expect(processed.status).toBe(200);
    await waitForTask(stack, taskId, (task) => task.status === 'complete');
    expect(await stack.db.taskStart.count({ where: { taskId } })).toBe(0);
  });

  it('runs a task once even if its start is carried out twice', async () => {
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', input: { message: 'once' } } });
    const { task_id: taskId } = (await created.json()) as { task_id: string };
    await waitForTask(stack, taskId, (task) => task.status === 'complete');
    // A stale outbox row (a starter that died after the start, before removing it) comes back.
    await stack.db.taskStart.create({ data: { taskId, taskQueue: stack.taskQueue } });
    const again = starterFor(stack.temporal);
    again.start();
    try {
      await eventually(async () => ((await stack.db.taskStart.count({ where: { taskId } })) === 0 ? true : undefined), 'the repeated start');
    } finally {
      await again.stop();
    }
    const { executions } = await stack.temporal.workflowService.listWorkflowExecutions({ namespace: 'default', query: `WorkflowId = '${taskId}'` });
    expect(executions).toHaveLength(1);
  });
});
