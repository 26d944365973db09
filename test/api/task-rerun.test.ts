import { expectProblem } from '../support/problem';
import { type TestStack, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Task = { task_id: string; agent: string; task_type: string; input: Record<string, unknown>; status: string; trigger: Record<string, unknown>; title: string | null };

async function create(json: Record<string, unknown>): Promise<Task> {
  const response = await stack.request('/v1/tasks', { method: 'POST', json });
  expect(response.status).toBe(202);
  return (await response.json()) as Task;
}

describe('rerun', () => {
  it('starts a new task of the same agent and type with the same input after a failure', async () => {
    const failed = await create({ agent: 'echo', task_type: 'echo', title: 'flaky', input: { message: 'again', fail_with: 'boom' } });
    await waitForTask(stack, failed.task_id, (task) => task.status === 'failed');

    const response = await stack.request(`/v1/tasks/${failed.task_id}/rerun`, { method: 'POST', json: {} });
    expect(response.status).toBe(202);
    const rerun = (await response.json()) as Task;
    expect(rerun.task_id).not.toBe(failed.task_id);
    expect(rerun).toMatchObject({ agent: 'echo', task_type: 'echo', title: 'flaky', input: { message: 'again', fail_with: 'boom' }, trigger: { type: 'rerun', source_id: failed.task_id } });
    await waitForTask(stack, rerun.task_id, (task) => task.status === 'failed');
    expect(await stack.db.task.count({ where: { triggerSource: failed.task_id } })).toBe(1);
  });

  it('takes a changed input, validated against the manifest', async () => {
    const source = await create({ agent: 'echo', input: { message: 'one' } });
    const response = await stack.request(`/v1/tasks/${source.task_id}/rerun`, { method: 'POST', json: { input: { message: 'two' } } });
    expect(response.status).toBe(202);
    const rerun = (await response.json()) as Task;
    const done = (await waitForTask(stack, rerun.task_id, (task) => task.status === 'complete')) as unknown as { output: Record<string, unknown> };
    expect(done.output).toMatchObject({ message: 'two' });

    const bad = await expectProblem(await stack.request(`/v1/tasks/${source.task_id}/rerun`, { method: 'POST', json: { input: { sleep_ms: 'long' } } }), 400, 'validation_failed');
    expect(bad.errors).toEqual([expect.objectContaining({ field: 'input.sleep_ms' })]);
    await expectProblem(await stack.request('/v1/tasks/task_unknown/rerun', { method: 'POST', json: {} }), 404);
  });
});

describe('the trigger hint', () => {
  it('accepts trigger.type dashboard and nothing else', async () => {
    const task = await create({ agent: 'echo', input: {}, trigger: { type: 'dashboard' } });
    expect(task.trigger).toEqual({ type: 'dashboard', source_id: null });
    const plain = await create({ agent: 'echo', input: {} });
    expect(plain.trigger).toEqual({ type: 'api', source_id: null });
    const refused = await expectProblem(await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', input: {}, trigger: { type: 'schedule' } } }), 400);
    expect(refused.errors).toEqual([expect.objectContaining({ field: 'trigger.type' })]);
  });
});
