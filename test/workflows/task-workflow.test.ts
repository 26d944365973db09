import fs from 'node:fs';
import path from 'node:path';
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { decideUpdate, processUpdate, stopUpdate, taskStateQuery } from '../../workflows/definitions';
import { NativeConnection, Worker } from '@temporalio/worker';
import { type Activities, createActivities } from '../../activities';
import { createOutboxMailTransport } from '../../lib/mail/outbox-transport';
import { builtInAgents } from '../../agents/registry';
import type { TaskSnapshot, TaskWorkflowInput, TransitionRecord } from '../../workflows/model';
import type { taskWorkflow } from '../../workflows/task';
import { eventually } from '../support/eventually';
import { testEnvironment } from '../support/globals';
import { type TestStack, startStack } from '../support/stack';
import { seedQueuedTask } from '../support/tenants';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function runWorkflow(overrides: Partial<TaskWorkflowInput>, taskQueue = stack.taskQueue) {
  const { task } = await seedQueuedTask(stack.db, { taskType: overrides.taskType });
  const input: TaskWorkflowInput = {
    taskId: task.id,
    tenantId: task.tenantId,
    agent: 'echo',
    taskType: 'echo',
    input: {},
    priority: 'normal',
    deferred: false,
    execution: { timeoutMs: 60_000, maximumAttempts: 3 },
    approval: { timeoutMs: 60_000, onTimeout: 'fail' },
    ...overrides,
  };
  const handle = await stack.temporal.workflow.start<typeof taskWorkflow>('taskWorkflow', { taskQueue, workflowId: task.id, args: [input] });
  return { task, handle };
}

describe('taskWorkflow', () => {
  it('runs the agent, records its artifact and completes, each transition once and in order', async () => {
    const { task, handle } = await runWorkflow({ input: { message: 'hi' } });
    const snapshot = await handle.result();
    expect(snapshot).toMatchObject({ taskId: task.id, status: 'complete', error: null });
    expect(snapshot.executions).toEqual([expect.objectContaining({ status: 'complete', completed_at: expect.any(String) })]);

    const row = await stack.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row).toMatchObject({ status: 'complete', lastSeq: 4, progress: 1, output: { message: 'hi', input: { message: 'hi' } } });
    const artifacts = await stack.db.artifact.findMany({ where: { taskId: task.id } });
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ workflowId: task.id, runId: handle.firstExecutionRunId, type: 'echo.result', data: { message: 'hi' } });
    const types = (await stack.db.event.findMany({ where: { taskId: task.id }, orderBy: { taskSeq: 'asc' } })).map((event) => event.type);
    expect(types.slice(-3)).toEqual(['task.status_changed', 'artifact.emitted', 'task.complete']);
    // The agent activity records the start and the completion itself: one activity per task.
    const { events } = await handle.fetchHistory();
    const scheduled = events!.flatMap((event) => event.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
    expect(scheduled).toEqual(['runAgent']);
  });

  it('fails the task with a coded error when the agent cannot run it', async () => {
    const { task, handle } = await runWorkflow({ taskType: 'no-such-type' });
    await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    const row = await stack.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row).toMatchObject({ status: 'failed', errorCode: 'unknown_task_type', completedAt: expect.any(Date) });
    const types = (await stack.db.event.findMany({ where: { taskId: task.id }, orderBy: { taskSeq: 'asc' } })).map((event) => event.type);
    expect(types).toEqual(['task.status_changed', 'task.failed']);
  });

  it('fails with code `timeout` when an attempt outlives the manifest timeout', async () => {
    const { task, handle } = await runWorkflow({ input: { sleep_ms: 30_000 }, execution: { timeoutMs: 1_000, maximumAttempts: 1 } });
    await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    expect(await stack.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'failed', errorCode: 'timeout' });
  });
});

describe('taskWorkflow over a long life', () => {
  it('continues as new before its history grows long, and still completes every step once', async () => {
    const steps = 30;
    const { task, handle } = await runWorkflow({ input: { steps }, historyLimit: 80 });
    const snapshot = await handle.result();
    expect(snapshot).toMatchObject({ status: 'complete', error: null });

    const firstRun = await stack.temporal.workflow.getHandle(task.id, handle.firstExecutionRunId).describe();
    expect(firstRun.status.name).toBe('CONTINUED_AS_NEW');
    const events = await stack.db.event.findMany({ where: { taskId: task.id }, orderBy: { taskSeq: 'asc' } });
    const progress = events.filter((event) => event.type === 'task.progress').map((event) => (event.data as { message: string }).message);
    expect(progress).toEqual(Array.from({ length: steps }, (_, index) => `Step ${index + 1} of ${steps}`));
    expect(events.filter((event) => event.type !== 'task.progress').map((event) => event.type)).toEqual([
      'task.status_changed',
      'artifact.emitted',
      'task.complete',
    ]);
    expect(events.map((event) => event.taskSeq)).toEqual(events.map((_, index) => index + 2));
  });

  it('replays its own history deterministically through a clarification and an approval', async () => {
    const { handle } = await runWorkflow({ input: { ask_clarification: 'Which one?', require_approval: true } });
    await waitForState(handle, 'needs_clarification');
    await handle.executeUpdate(processUpdate, { args: [{ message: 'The blue one' }] });
    const awaiting = await waitForState(handle, 'awaiting_approval');
    const decided = await handle.executeUpdate(decideUpdate, {
      args: [{ approvalId: awaiting.pendingApproval!.id, decision: 'approved', decidedBy: 'ann@example.com' }],
    });
    expect(decided.status).not.toBe('awaiting_approval');
    expect(await handle.result()).toMatchObject({ status: 'complete' });

    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: testEnvironment().workflowBundle } }, history)).resolves.toBeUndefined();
  });
});

/** A worker on its own task queue whose activities are the real ones, some of them wrapped. */
async function workerWith(wrap: (real: Activities) => Partial<Activities>) {
  const env = testEnvironment();
  const real = createActivities({ db: stack.db, agents: builtInAgents, storage: stack.storage, mail: createOutboxMailTransport(stack.db), outbound: stack.outbound, storageQuotaBytes: stack.config.TENANT_MAX_STORAGE_BYTES, maxQueuedTasks: stack.config.TENANT_MAX_QUEUED_TASKS });
  const taskQueue = `${stack.taskQueue}-custom-${Math.random().toString(36).slice(2)}`;
  const connection = await NativeConnection.connect({ address: env.temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: { codePath: env.workflowBundle },
    activities: { ...real, ...wrap(real) },
  });
  const running = worker.run();
  return {
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

/**
 * A worker whose recordTransition holds the first write matching `holdOn` until `release()`: the
 * test can then send a command while that write is in flight.
 */
async function gatedWorker(holdOn: (record: TransitionRecord) => boolean) {
  let reached!: () => void;
  const atGate = new Promise<void>((resolve) => (reached = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  const worker = await workerWith((real) => ({
    async recordTransition(record: TransitionRecord) {
      if (!held && holdOn(record)) {
        held = true;
        reached();
        await released;
      }
      return real.recordTransition(record);
    },
  }));
  return {
    taskQueue: worker.taskQueue,
    atGate,
    release,
    async stop() {
      release();
      await worker.stop();
    },
  };
}

function waitForState(handle: WorkflowHandle<typeof taskWorkflow>, status: string): Promise<TaskSnapshot> {
  return eventually(async () => {
    const state = await handle.query(taskStateQuery);
    return state.status === status ? state : undefined;
  }, `the task to reach ${status}`);
}

const firstEventIs = (type: string) => (record: TransitionRecord) => record.events[0]?.type === type;

describe('taskWorkflow cancelled while it records its artifacts', () => {
  // A completing agent records its artifacts and the completion in one write (no window); one
  // that suspends for an approval has its artifacts recorded by the workflow first.
  it('ends cancelled, with the artifacts discarded, not awaiting approval', async () => {
    const gate = await gatedWorker(firstEventIs('artifact.emitted'));
    try {
      const { task, handle } = await runWorkflow({ input: { require_approval: true }, execution: { timeoutMs: 60_000, maximumAttempts: 1 } }, gate.taskQueue);
      await gate.atGate;
      await handle.cancel();
      gate.release();
      await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
      expect((await stack.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('cancelled');
      expect(await stack.db.artifact.count({ where: { taskId: task.id } })).toBe(0);
      const types = (await stack.db.event.findMany({ where: { taskId: task.id }, orderBy: { taskSeq: 'asc' } })).map((event) => event.type);
      expect(types).toEqual(['task.status_changed', 'artifact.emitted', 'task.cancelled']);
    } finally {
      await gate.stop();
    }
  });
});

describe('taskWorkflow stopped while no agent code runs', () => {
  it('holds at once, even when the history is long enough to continue as new', async () => {
    const gate = await gatedWorker(firstEventIs('approval.resolved'));
    try {
      const { handle } = await runWorkflow({ input: { require_approval: true }, historyLimit: 12 }, gate.taskQueue);
      const awaiting = await waitForState(handle, 'awaiting_approval');
      const decided = handle.executeUpdate(decideUpdate, { args: [{ approvalId: awaiting.pendingApproval!.id, decision: 'approved', decidedBy: 'a@example.com' }] });
      await gate.atGate;
      const stopped = handle.executeUpdate(stopUpdate, { args: [] });
      gate.release();
      await decided;
      expect(await stopped).toMatchObject({ status: 'on_hold' });
      await handle.cancel();
    } finally {
      await gate.stop();
    }
  });

  it('holds before waiting on an approval it was stopped during; the agent asks again on process', async () => {
    const gate = await gatedWorker(firstEventIs('artifact.emitted'));
    try {
      const { task, handle } = await runWorkflow({ input: { require_approval: true } }, gate.taskQueue);
      await gate.atGate;
      const stopped = handle.executeUpdate(stopUpdate, { args: [] });
      gate.release();
      expect(await stopped).toMatchObject({ status: 'on_hold', pendingApproval: null });
      expect(await stack.db.approval.count({ where: { taskId: task.id } })).toBe(0);

      await handle.executeUpdate(processUpdate, { args: [{}] });
      const awaiting = await waitForState(handle, 'awaiting_approval');
      await handle.executeUpdate(decideUpdate, { args: [{ approvalId: awaiting.pendingApproval!.id, decision: 'approved', decidedBy: 'a@example.com' }] });
      expect(await handle.result()).toMatchObject({ status: 'complete' });
    } finally {
      await gate.stop();
    }
  });
});

describe('taskWorkflow with agent output the database cannot store as is', () => {
  it('completes when the output summary would cut a character in half', async () => {
    const { task, handle } = await runWorkflow({ input: { message: `${'a'.repeat(266)}😀 tail` } });
    expect(await handle.result()).toMatchObject({ status: 'complete' });
    const [execution] = (await stack.db.task.findUniqueOrThrow({ where: { id: task.id } })).executions as { output_summary: string }[];
    expect(execution!.output_summary.endsWith('…')).toBe(true);
    expect(execution!.output_summary.toWellFormed()).toBe(execution!.output_summary);
  });

  it('fails with unstorable_data, not stuck running, when the output holds a NUL character', async () => {
    const { task, handle } = await runWorkflow({ input: { message: 'a\u0000b' } });
    await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    expect(await stack.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'failed', errorCode: 'unstorable_data' });
  });
});

describe('artifact work retried by Temporal', () => {
  const retryable = () => Object.assign(new Error('connection reset after the work was done'), { name: 'TransientError' });

  /** A worker whose first agent run does all its work and then fails as if its answer was lost. */
  async function workerFailingFirstAgentRun() {
    let failed = false;
    const worker = await workerWith((real) => ({
      async runAgent(request) {
        const outcome = await real.runAgent(request);
        if (!failed) {
          failed = true;
          throw retryable();
        }
        return outcome;
      },
    }));
    return { ...worker, failedOnce: () => failed };
  }

  it('writes one artifact and one file when the agent run is retried after it stored them', async () => {
    const worker = await workerFailingFirstAgentRun();
    try {
      const { task, handle } = await runWorkflow({ input: { emit_file: { display_name: 'r.bin', mime_type: 'application/octet-stream', size_bytes: 4096 } } }, worker.taskQueue);
      expect(await handle.result()).toMatchObject({ status: 'complete' });
      expect(worker.failedOnce()).toBe(true);
      const artifacts = await stack.db.artifact.findMany({ where: { taskId: task.id } });
      expect(artifacts.map((artifact) => artifact.type).sort()).toEqual(['echo.file', 'echo.result']);
      const file = artifacts.find((artifact) => artifact.type === 'echo.file')!;
      expect(fs.readdirSync(path.join(stack.config.artifactDir, task.tenantId, task.id))).toEqual([file.id]);
      // The first attempt's write was removed by the second; the row points to the one left.
      const writes = fs.readdirSync(path.join(stack.config.artifactDir, task.tenantId, task.id, file.id));
      expect(writes).toEqual([path.basename(file.storagePath!)]);
      expect(writes[0]).toMatch(/-2$/);
    } finally {
      await worker.stop();
    }
  });

  it('records a completion once when the agent run is retried after recording it', async () => {
    const worker = await workerFailingFirstAgentRun();
    try {
      const { task, handle } = await runWorkflow({ input: { message: 'twice run, once recorded' } }, worker.taskQueue);
      expect(await handle.result()).toMatchObject({ status: 'complete' });
      expect(worker.failedOnce()).toBe(true);
      expect(await stack.db.artifact.count({ where: { taskId: task.id } })).toBe(1);
      const types = (await stack.db.event.findMany({ where: { taskId: task.id }, orderBy: { taskSeq: 'asc' } })).map((event) => event.type);
      expect(types.filter((type) => type === 'task.complete')).toHaveLength(1);
      expect(types.filter((type) => type === 'artifact.emitted')).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });

  it('sends an approved draft once when the effect is retried after it sent', async () => {
    let failed = false;
    const worker = await workerWith((real) => ({
      async applyArtifactEffect(request) {
        const result = await real.applyArtifactEffect(request);
        // As if the worker died before recording that it applied the effect.
        await stack.db.artifact.update({ where: { id: request.artifactId }, data: { effectAppliedAt: null } });
        if (!failed) {
          failed = true;
          throw retryable();
        }
        return result;
      },
    }));
    try {
      const draft = { to: 'sam@example.com', subject: 'Hi', body: 'Once' };
      const { handle } = await runWorkflow({ input: { emit_draft: draft } }, worker.taskQueue);
      const awaiting = await waitForState(handle, 'awaiting_approval');
      const artifactId = awaiting.pendingApproval!.request.artifactId!;
      await handle.executeUpdate(decideUpdate, { args: [{ approvalId: awaiting.pendingApproval!.id, decision: 'approved', decidedBy: 'a@example.com' }] });
      expect(await handle.result()).toMatchObject({ status: 'complete' });
      expect(failed).toBe(true);
      expect(await stack.db.outboxMessage.count({ where: { idempotencyKey: artifactId } })).toBe(1);
    } finally {
      await worker.stop();
    }
  });
});
