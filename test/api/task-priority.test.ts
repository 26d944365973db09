import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { builtInAgents } from '../../agents/registry';
import { createOutboxMailTransport } from '../../lib/mail/outbox-transport';
import { testEnvironment } from '../support/globals';
import { type TestStack, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ worker: false });
});
afterAll(async () => {
  await stack?.stop();
});

/**
 * A worker on the stack's task queue that takes one workflow task at a time, so it is handed
 * tasks strictly in the order the server matches them (one slot needs the workflow cache off).
 */
async function startSingleSlotWorker() {
  const env = testEnvironment();
  const connection = await NativeConnection.connect({ address: env.temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue: stack.taskQueue,
    workflowBundle: { codePath: env.workflowBundle },
    activities: createActivities({ db: stack.db, agents: builtInAgents, storage: stack.storage, mail: createOutboxMailTransport(stack.db), outbound: stack.outbound, storageQuotaBytes: stack.config.TENANT_MAX_STORAGE_BYTES, maxQueuedTasks: stack.config.TENANT_MAX_QUEUED_TASKS }),
    maxCachedWorkflows: 0,
    maxConcurrentWorkflowTaskExecutions: 1,
    maxConcurrentActivityTaskExecutions: 1,
  });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

/** When the worker was handed the task's first workflow task (server time, in nanoseconds). */
async function firstDispatchOf(taskId: string): Promise<bigint> {
  const events = (await stack.temporal.workflow.getHandle(taskId).fetchHistory()).events ?? [];
  const started = events.find((event) => event.workflowTaskStartedEventAttributes)!.eventTime!;
  return BigInt(String(started.seconds)) * 1_000_000_000n + BigInt(started.nanos ?? 0);
}

describe('priority', () => {
  it('runs a high-priority task before low-priority work that was queued earlier', async () => {
    const create = async (priority: string) => {
      const response = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo', priority } });
      expect(response.status).toBe(202);
      return ((await response.json()) as { task_id: string }).task_id;
    };
    // Queued while no worker runs, so all of them wait in the task queue together.
    const low = [await create('low'), await create('low'), await create('low')];
    const high = await create('high');

    const worker = await startSingleSlotWorker();
    try {
      for (const taskId of [...low, high]) await waitForTask(stack, taskId, (current) => current.status === 'complete');
    } finally {
      await worker.stop();
    }
    const dispatched = await Promise.all([...low, high].map(async (taskId) => ({ taskId, at: await firstDispatchOf(taskId) })));
    dispatched.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    expect(dispatched[0]!.taskId).toBe(high);
  });
});
