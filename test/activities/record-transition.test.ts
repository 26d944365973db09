import { createRecordTransition } from '../../activities/record-transition';
import { type Database, createDatabase } from '../../lib/db/client';
import type { TransitionRecord } from '../../workflows/model';
import { testEnvironment } from '../support/globals';
import { seedQueuedTask } from '../support/tenants';

let db: Database;
beforeAll(() => {
  db = createDatabase(testEnvironment().databaseUrl, 4);
});
afterAll(async () => {
  await db.$disconnect();
});

function transition(task: { id: string; tenantId: string }, seq: number, overrides: Partial<TransitionRecord> = {}): TransitionRecord {
  return {
    taskId: task.id,
    tenantId: task.tenantId,
    agent: 'echo',
    workflowId: task.id,
    runId: 'run-1',
    seq,
    at: '2026-11-23T10:00:00.000Z',
    events: [{ id: `evt_${task.id}_${seq}`, type: 'task.status_changed', data: { from: 'queued', to: 'running' } }],
    patch: { status: 'running', startedAt: '2026-11-23T10:00:00.000Z' },
    ...overrides,
  };
}

describe('recordTransition', () => {
  it('writes the events and the projection once, however often it is retried', async () => {
    const { task } = await seedQueuedTask(db);
    const recordTransition = createRecordTransition(db);
    const record = transition(task, 2);

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
    const recordTransition = createRecordTransition(db);
    const artifact = { id: `art_${task.id}`, type: 'echo.result', displayName: 'echo.json', mimeType: 'application/json', data: { ok: true } };
    const emitted = transition(task, 2, {
      events: [{ id: `evt_${task.id}_a`, type: 'artifact.emitted', data: { artifact_id: artifact.id } }],
      patch: {},
      artifacts: [artifact],
    });
    await recordTransition(emitted);
    await recordTransition(emitted);
    expect(await db.artifact.count({ where: { taskId: task.id } })).toBe(1);

    await recordTransition(
      transition(task, 3, {
        events: [{ id: `evt_${task.id}_c`, type: 'task.cancelled', data: { from: 'running', to: 'cancelled' } }],
        patch: { status: 'cancelled' },
        discardArtifacts: true,
      }),
    );
    expect(await db.artifact.count({ where: { taskId: task.id } })).toBe(0);
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('cancelled');
  });

  it('never moves the projection backwards when an older transition lands late', async () => {
    const { task } = await seedQueuedTask(db);
    const recordTransition = createRecordTransition(db);
    await recordTransition(
      transition(task, 3, {
        events: [{ id: `evt_${task.id}_late`, type: 'task.cancelled', data: {} }],
        patch: { status: 'cancelled' },
      }),
    );
    await recordTransition(transition(task, 2));
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('cancelled');
    expect(await db.event.count({ where: { taskId: task.id } })).toBe(2);
  });

  it('fails without retrying when the task no longer exists', async () => {
    const { task } = await seedQueuedTask(db);
    await db.task.delete({ where: { id: task.id } });
    await expect(createRecordTransition(db)(transition(task, 2))).rejects.toMatchObject({ type: 'task_deleted', nonRetryable: true });
  });
});
