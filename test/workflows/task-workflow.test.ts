import fs from 'node:fs';
import path from 'node:path';
import { WorkflowFailedError, type WorkflowHandle, WorkflowUpdateStage } from '@temporalio/client';
import { decideUpdate, feedbackUpdate, processUpdate, stopUpdate, taskStateQuery } from '../../workflows/definitions';
import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { AgentRegistry } from '../../agents/registry';
import { firstEventIs, gatedWorker, workerWith } from '../support/custom-workers';
import { defineTaskType } from '../../agents/sdk';
import { z } from 'zod';
import type { TaskSnapshot, TaskWorkflowInput } from '../../workflows/model';
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

function waitForState(handle: WorkflowHandle<typeof taskWorkflow>, status: string): Promise<TaskSnapshot> {
  return eventually(async () => {
    const state = await handle.query(taskStateQuery);
    return state.status === status ? state : undefined;
  }, `the task to reach ${status}`);
}


describe('taskWorkflow cancelled while it records its artifacts', () => {
  // A completing agent records its artifacts and the completion in one write (no window); one
  // that suspends for an approval has its artifacts recorded by the workflow first.
  it('ends cancelled, with the artifacts discarded, not awaiting approval', async () => {
    const gate = await gatedWorker(stack, firstEventIs('artifact.emitted'));
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
    const gate = await gatedWorker(stack, firstEventIs('approval.resolved'));
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
    const gate = await gatedWorker(stack, firstEventIs('artifact.emitted'));
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
    const worker = await workerWith(stack, (real) => ({
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
    const worker = await workerWith(stack, (real) => ({
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

/** Rejects if `promise` has not settled within `ms`: a command that hangs fails the test instead. */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe('taskWorkflow stopped while its approval request is recorded', () => {
  it('holds at once with the approval withdrawn, not after the approval is decided; process asks again', async () => {
    const gate = await gatedWorker(stack, firstEventIs('approval.requested'));
    try {
      const { task, handle } = await runWorkflow({ input: { require_approval: true } }, gate.taskQueue);
      await gate.atGate;
      const stop = await handle.startUpdate(stopUpdate, { args: [], waitForStage: WorkflowUpdateStage.ACCEPTED });
      gate.release();
      expect(await within(5_000, stop.result(), 'stop')).toMatchObject({ status: 'on_hold', pendingApproval: null });
      const [withdrawn] = await stack.db.approval.findMany({ where: { taskId: task.id } });
      expect(withdrawn).toMatchObject({ status: 'cancelled' });

      await handle.executeUpdate(processUpdate, { args: [{}] });
      const awaiting = await waitForState(handle, 'awaiting_approval');
      expect(awaiting.pendingApproval!.id).not.toBe(withdrawn!.id);
      await handle.executeUpdate(decideUpdate, { args: [{ approvalId: awaiting.pendingApproval!.id, decision: 'approved', decidedBy: 'a@example.com' }] });
      expect(await handle.result()).toMatchObject({ status: 'complete' });
    } finally {
      await gate.stop();
    }
  });
});

describe('taskWorkflow ending while a command is still being recorded', () => {
  it('waits for the command to finish before it completes, so the command answers', async () => {
    // An agent run that takes a second without a checkpoint: it completes (and records that
    // itself) while the feedback write is held.
    const gate = await gatedWorker(stack, firstEventIs('task.updated'), (real) => ({
      async runAgent(request) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return real.runAgent(request);
      },
    }));
    try {
      const { task, handle } = await runWorkflow({ input: { message: 'done soon' } }, gate.taskQueue);
      await waitForState(handle, 'running');
      const feedback = handle.executeUpdate(feedbackUpdate, { args: [{ feedback: 'like', by: 'ann@example.com' }] });
      await gate.atGate;
      await eventually(async () => ((await stack.db.task.findUniqueOrThrow({ where: { id: task.id } })).status === 'complete' ? true : undefined), 'the task to complete');
      gate.release();
      expect(await feedback).toMatchObject({ status: 'complete', feedback: 'like' });
      // The run never tried to close with the handler unfinished (the server refuses that by
      // failing the workflow task; an SDK or server that does not interrupts the handler).
      const history = (await handle.fetchHistory()).events!.map((event) => event.eventType);
      expect(history).not.toContain(temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
      expect(await handle.result()).toMatchObject({ status: 'complete', feedback: 'like' });
      expect(await stack.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'complete', feedback: 'like' });
    } finally {
      await gate.stop();
    }
  });
});

describe('taskWorkflow with a step longer than the heartbeat timeout', () => {
  // Longer than the agent activity's 30 s heartbeat timeout, without calling any SDK function.
  const STEP_MS = 33_000;
  const slowAgents = new AgentRegistry([
    {
      slug: 'slow',
      aliases: [],
      name: 'Slow',
      description: 'One long checkpointed step of plain work.',
      defaultTaskType: 'slow',
      tools: {},
      taskTypes: {
        slow: defineTaskType({
          description: 'One long step.',
          input: z.strictObject({}),
          emits: [],
          timeoutMs: 120_000,
          maximumAttempts: 1,
          run: async (context) => {
            const waited = await context.step('long work', () => new Promise<number>((resolve) => setTimeout(() => resolve(STEP_MS), STEP_MS)));
            return { output: { waited } };
          },
        }),
      },
    },
  ]);

  it('keeps the agent activity alive through it instead of timing it out and starting over', async () => {
    const worker = await workerWith(stack, () => ({}), slowAgents);
    try {
      const { handle } = await runWorkflow({ agent: 'slow', taskType: 'slow', execution: { timeoutMs: 120_000, maximumAttempts: 1 } }, worker.taskQueue);
      expect(await handle.result()).toMatchObject({ status: 'complete' });
    } finally {
      await worker.stop();
    }
  }, 90_000);
});

describe('taskWorkflow cancelled after its approved draft was sent', () => {
  it('discards its other artifacts but keeps the record of the draft it sent', async () => {
    const { task, handle } = await runWorkflow({ input: { emit_draft: { to: 'sam@example.com', subject: 'Hi', body: 'Sent' }, require_approval: true } });
    const draftApproval = await waitForState(handle, 'awaiting_approval');
    const draftId = draftApproval.pendingApproval!.request.artifactId!;
    await handle.executeUpdate(decideUpdate, { args: [{ approvalId: draftApproval.pendingApproval!.id, decision: 'approved', decidedBy: 'a@example.com' }] });
    // The agent goes on to ask for the second approval, of its result: cancel there.
    await eventually(async () => {
      const state = await handle.query(taskStateQuery);
      return state.pendingApproval && state.pendingApproval.id !== draftApproval.pendingApproval!.id ? state : undefined;
    }, 'the second approval');
    await handle.cancel();
    await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);

    expect(await stack.db.outboxMessage.count({ where: { idempotencyKey: draftId } })).toBe(1);
    const left = await stack.db.artifact.findMany({ where: { taskId: task.id } });
    expect(left.map((artifact) => [artifact.id, artifact.type, artifact.approvalStatus])).toEqual([[draftId, 'echo.email_draft', 'approved']]);
    expect(left[0]!.effectAppliedAt).toBeInstanceOf(Date);
  });
});

describe('taskWorkflow with many large checkpointed results', () => {
  // 16 steps of 160 KB each: a journal of 2.5 MB, past Temporal's 2 MB payload limit if every
  // agent run carried it whole.
  const STEPS = 16;
  const RESULT_BYTES = 160 * 1024;
  const bulkyAgents = new AgentRegistry([
    {
      slug: 'bulky',
      aliases: [],
      name: 'Bulky',
      description: 'Checkpointed steps with large results.',
      defaultTaskType: 'bulky',
      tools: {},
      taskTypes: {
        bulky: defineTaskType({
          description: 'Many large steps.',
          input: z.strictObject({}),
          emits: [],
          timeoutMs: 120_000,
          maximumAttempts: 1,
          run: async (context) => {
            let total = 0;
            for (let step = 0; step < STEPS; step++) {
              const result = await context.step(`step ${step}`, async () => ({ step, text: String(step % 10).repeat(RESULT_BYTES) }));
              if (result.step !== step || result.text.length !== RESULT_BYTES) throw new Error(`step ${step} read back wrong`);
              total += result.text.length;
            }
            return { output: { total } };
          },
        }),
      },
    },
  ]);

  it('keeps every agent run\'s input small: step results are read back from the database, not carried', async () => {
    const worker = await workerWith(stack, () => ({}), bulkyAgents);
    try {
      const { handle } = await runWorkflow({ agent: 'bulky', taskType: 'bulky', execution: { timeoutMs: 120_000, maximumAttempts: 1 } }, worker.taskQueue);
      expect(await handle.result()).toMatchObject({ status: 'complete' });
      const { events } = await handle.fetchHistory();
      const inputSizes = events!.flatMap((event) => {
        const scheduled = event.activityTaskScheduledEventAttributes;
        if (scheduled?.activityType?.name !== 'runAgent') return [];
        return [(scheduled.input?.payloads ?? []).reduce((sum, payload) => sum + (payload.data?.length ?? 0), 0)];
      });
      expect(inputSizes).toHaveLength(STEPS + 1);
      expect(Math.max(...inputSizes)).toBeLessThan(32 * 1024);
    } finally {
      await worker.stop();
    }
  }, 90_000);
});
