import { type TestStack, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ worker: false });
});
afterAll(async () => {
  await stack?.stop();
});

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

    await stack.startWorker({ concurrency: { workflowTasks: 2, activities: 1 } });
    const started = new Map<string, number>();
    for (const taskId of [...low, high]) {
      const task = await waitForTask(stack, taskId, (current) => current.status === 'complete');
      started.set(taskId, Date.parse(task.started_at as string));
    }
    const lowStarts = low.map((taskId) => started.get(taskId)!);
    expect(started.get(high)!).toBeLessThanOrEqual(Math.min(...lowStarts));
  });
});
