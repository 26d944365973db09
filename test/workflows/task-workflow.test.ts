import { WorkflowFailedError } from '@temporalio/client';
import { decideUpdate, processUpdate, taskStateQuery } from '../../workflows/definitions';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { builtInAgents } from '../../agents/registry';
import type { TaskWorkflowInput, TransitionRecord } from '../../workflows/model';
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
  const handle = await stack.temporal.workflow.start('taskWorkflow', { taskQueue, workflowId: task.id, args: [input] });
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
  });

  it('fails the task with a coded error when the agent cannot run it', async () => {
    const { task, handle } = await runWorkflow({ taskType: 'no-such-type' });
    await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    const row = await stack.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row).toMatchObject({ status: 'failed', errorCode: 'unknown_task_type', completedAt: expect.any(Date) });
    const types = (await stack.db.event.findMany({ where: { taskId: task.id }, orderBy: { seq: 'asc' } })).map((event) => event.type);
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
    const waitFor = async (status: string) => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const state = await handle.query(taskStateQuery);
        if (state.status === status) return state;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`never reached ${status}`);
    };
    await waitFor('needs_clarification');
    await handle.executeUpdate(processUpdate, { args: [{ message: 'The blue one' }] });
    const awaiting = await waitFor('awaiting_approval');
    const decided = await handle.executeUpdate(decideUpdate, {
      args: [{ approvalId: awaiting.pendingApproval!.id, decision: 'approved', decidedBy: 'ann@example.com' }],
    });
    expect(decided.status).not.toBe('awaiting_approval');
    expect(await handle.result()).toMatchObject({ status: 'complete' });

    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: testEnvironment().workflowBundle } }, history)).resolves.toBeUndefined();
  });
});

describe('taskWorkflow cancelled while it records its artifacts', () => {
  it('ends cancelled, with the artifacts discarded, not complete', async () => {
    const env = testEnvironment();
    const real = createActivities({ db: stack.db, agents: builtInAgents });
    let reachedArtifacts!: () => void;
    const atArtifacts = new Promise<void>((resolve) => (reachedArtifacts = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const taskQueue = `${stack.taskQueue}-race`;
    const connection = await NativeConnection.connect({ address: env.temporalAddress });
    const worker = await Worker.create({
      connection,
      taskQueue,
      workflowBundle: { codePath: env.workflowBundle },
      activities: {
        ...real,
        // Holds the artifact write open until the test has requested cancellation.
        async recordTransition(record: TransitionRecord) {
          if (record.events[0]?.type === 'artifact.emitted') {
            reachedArtifacts();
            await released;
          }
          return real.recordTransition(record);
        },
      },
    });
    const running = worker.run();
    try {
      const { task, handle } = await runWorkflow({ execution: { timeoutMs: 60_000, maximumAttempts: 1 } }, taskQueue);
      await atArtifacts;
      await handle.cancel();
      release();
      await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
      expect((await stack.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('cancelled');
      expect(await stack.db.artifact.count({ where: { taskId: task.id } })).toBe(0);
      const types = (await stack.db.event.findMany({ where: { taskId: task.id }, orderBy: { seq: 'asc' } })).map((event) => event.type);
      expect(types).toEqual(['task.status_changed', 'artifact.emitted', 'task.cancelled']);
    } finally {
      worker.shutdown();
      await running;
      await connection.close();
    }
  });
});
