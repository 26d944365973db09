import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTriggerFiring } from '../../activities/fire-triggers';
import { createRecordTransition } from '../../activities/record-transition';
import { builtInAgents } from '../../agents/registry';
import { loadConfig } from '../../lib/config';
import { type Database, createDatabase } from '../../lib/db/client';
import { sequenceEvents } from '../../lib/db/task-events';
import { createLocalContentStore } from '../../lib/storage/local-content-store';
import type { TransitionRecord } from '../../workflows/model';
import { testEnvironment } from '../support/globals';
import { seedQueuedTask } from '../support/tenants';

let db: Database;
const fireTriggers = createTriggerFiring({ agents: builtInAgents, limits: { maxQueued: loadConfig({}).TENANT_MAX_QUEUED_TASKS } });
const storage = createLocalContentStore(fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-artifacts-')));
beforeAll(() => {
  db = createDatabase(testEnvironment().databaseUrl, 4);
});
afterAll(async () => {
  await db.$disconnect();
});

function transition(task: { id: string; tenantId: string }, key: string, overrides: Partial<TransitionRecord> = {}): TransitionRecord {
  return {
    taskId: task.id,
    tenantId: task.tenantId,
    agent: 'echo',
    workflowId: task.id,
    runId: 'run-1',
    at: '2026-11-23T10:00:00.000Z',
    events: [{ id: `evt_${task.id}_${key}`, type: 'task.status_changed', data: { from: 'queued', to: 'running' } }],
    patch: { status: 'running', startedAt: '2026-11-23T10:00:00.000Z' },
    ...overrides,
  };
}

describe('recordTransition', () => {
  it('writes the events and the projection once, however often it is retried', async () => {
    const { task } = await seedQueuedTask(db);
    const recordTransition = createRecordTransition({ db, storage, fireTriggers });
    const record = transition(task, 'start');

    expect(await recordTransition(record)).toEqual({ applied: true });
    expect(await recordTransition(record)).toEqual({ applied: false });
    const [again] = await Promise.all([recordTransition(record), recordTransition(record)]);
    expect(again).toEqual({ applied: false });

    const events = await db.event.findMany({ where: { taskId: task.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ taskSeq: 2, type: 'task.status_changed', tenantId: task.tenantId });
    const row = await db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row).toMatchObject({ status: 'running', lastSeq: 2, startedAt: new Date('2026-11-23T10:00:00.000Z') });
  });

  it('writes artifacts with their event, once, and discards them on cancellation', async () => {
    const { task } = await seedQueuedTask(db);
    const recordTransition = createRecordTransition({ db, storage, fireTriggers });
    const artifact = { id: `art_${task.id}`, type: 'echo.result', displayName: 'echo.json', mimeType: 'application/json', data: { ok: true }, approvalStatus: 'not_required' as const };
    const emitted = transition(task, 'emit', {
      events: [{ id: `evt_${task.id}_a`, type: 'artifact.emitted', data: { artifact_id: artifact.id } }],
      patch: {},
      artifacts: [artifact],
    });
    await recordTransition(emitted);
    await recordTransition(emitted);
    expect(await db.artifact.count({ where: { taskId: task.id } })).toBe(1);

    await recordTransition(
      transition(task, 'cancel', {
        events: [{ id: `evt_${task.id}_c`, type: 'task.cancelled', data: { from: 'running', to: 'cancelled' } }],
        patch: { status: 'cancelled' },
        discardArtifacts: true,
      }),
    );
    expect(await db.artifact.count({ where: { taskId: task.id } })).toBe(0);
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('cancelled');
  });

  it('numbers events per task in commit order, whoever writes them', async () => {
    const { task } = await seedQueuedTask(db);
    const recordTransition = createRecordTransition({ db, storage, fireTriggers });
    const events = (key: string, count: number) =>
      Array.from({ length: count }, (_, index) => ({ id: `evt_${task.id}_${key}${index}`, type: 'task.progress' as const, data: {} }));
    await Promise.all(['a', 'b', 'c', 'd'].map((key) => recordTransition(transition(task, key, { events: events(key, 3), patch: {} }))));

    // Global seq order agrees with each task's order once sequenced.
    await sequenceEvents(db);
    const rows = await db.event.findMany({ where: { taskId: task.id }, orderBy: { seq: 'asc' } });
    expect(rows.map((row) => row.taskSeq)).toEqual(Array.from({ length: 12 }, (_, index) => index + 2));
    // Each transition's events stay together, in their order.
    const keys = rows.map((row) => row.id.slice(-2, -1));
    for (const key of ['a', 'b', 'c', 'd']) expect(keys.lastIndexOf(key) - keys.indexOf(key)).toBe(2);
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).lastSeq).toBe(13);
  });

  it('records an approval request and its decision with their events', async () => {
    const { task } = await seedQueuedTask(db);
    const recordTransition = createRecordTransition({ db, storage, fireTriggers });
    const approvalId = `apr_${task.id.slice(5)}`;
    await recordTransition(
      transition(task, 'ask', {
        events: [{ id: `evt_${task.id}_ask`, type: 'approval.requested', data: { approval_id: approvalId } }],
        patch: { status: 'awaiting_approval' },
        approval: { kind: 'requested', id: approvalId, request: { title: 'Send it?' }, requestedAt: '2026-11-23T10:00:00.000Z', expiresAt: '2026-11-30T10:00:00.000Z' },
      }),
    );
    await recordTransition(
      transition(task, 'yes', {
        events: [{ id: `evt_${task.id}_yes`, type: 'approval.resolved', data: { approval_id: approvalId } }],
        patch: { status: 'running' },
        approval: { kind: 'resolved', id: approvalId, status: 'approved', comment: 'fine', decidedBy: 'ann@example.com', decidedAt: '2026-11-23T11:00:00.000Z' },
      }),
    );
    expect(await db.approval.findUniqueOrThrow({ where: { id: approvalId } })).toMatchObject({
      taskId: task.id,
      title: 'Send it?',
      status: 'approved',
      comment: 'fine',
      decidedBy: 'ann@example.com',
      expiresAt: new Date('2026-11-30T10:00:00.000Z'),
    });
  });

  it('fails without retrying when the task no longer exists', async () => {
    const { task } = await seedQueuedTask(db);
    await db.task.delete({ where: { id: task.id } });
    await expect(createRecordTransition({ db, storage, fireTriggers })(transition(task, 'late'))).rejects.toMatchObject({ type: 'task_deleted', nonRetryable: true });
  });
});

describe('recordTransition with data the database refuses', () => {
  it('fails without retrying, and a later transition still lands', async () => {
    const { task } = await seedQueuedTask(db);
    const recordTransition = createRecordTransition({ db, storage, fireTriggers });
    const unstorable = transition(task, 'nul', { patch: { output: { text: 'a\u0000b' } } });
    await expect(recordTransition(unstorable)).rejects.toMatchObject({ type: 'unstorable_data', nonRetryable: true });
    expect(await db.event.count({ where: { taskId: task.id } })).toBe(0);
    await expect(recordTransition(transition(task, 'fail', { patch: { status: 'failed' } }))).resolves.toEqual({ applied: true });
  });
});
