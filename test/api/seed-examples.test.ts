import { expectProblem } from '../support/problem';
import { type TestStack, startStack, waitForTask } from '../support/stack';

// The curl examples of the seed documents 000 (Tasks & Artifacts), 001 (Tasks API) and 004 (AGNT
// Tasks), sent as written except for the agent (echo stands in for the seed's agents) and IDs.
let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const post = (path: string, json?: unknown) => stack.request(path, { method: 'POST', ...(json !== undefined && { json }) });
const iso = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);

describe('seed 000: Tasks & Artifacts', () => {
  it('creates with agent_id, polls, and cancels with POST /cancel', async () => {
    const created = await post('/v1/tasks', { agent_id: 'echo-agent', task_type: 'echo', input: { sleep_ms: 30_000 } });
    expect(created.status).toBe(202);
    const task = (await created.json()) as { task_id: string };
    expect(task).toMatchObject({ task_id: expect.stringMatching(/^task_/), status: 'queued', created_at: iso });

    const polled = await stack.request(`/v1/tasks/${task.task_id}`);
    expect(polled.status).toBe(200);
    expect(await polled.json()).toMatchObject({ task_id: task.task_id, task_type: 'echo', input: { sleep_ms: 30_000 }, tenant_id: expect.any(String) });

    expect((await post(`/v1/tasks/${task.task_id}/cancel`)).status).toBe(202);
    expect(await waitForTask(stack, task.task_id, (current) => current.status === 'cancelled')).toMatchObject({ artifacts: [] });
    expect((await post(`/v1/tasks/${task.task_id}/cancel`)).status).toBe(409);
  });
});

describe('seed 001: Tasks API', () => {
  it('creates (202 queued), gets with artifacts, lists with a cursor, reads task artifacts, cancels with DELETE', async () => {
    const created = await post('/v1/tasks', { agent: 'echo', task_type: 'echo', input: { message: 'questionnaire' }, priority: 'normal' });
    expect(created.status).toBe(202);
    const task = (await created.json()) as { task_id: string };
    expect(task).toMatchObject({ agent: 'echo', task_type: 'echo', status: 'queued', created_at: iso });

    const done = await waitForTask(stack, task.task_id, (current) => current.status === 'complete');
    expect(done).toMatchObject({
      task_id: task.task_id,
      agent: 'echo',
      task_type: 'echo',
      status: 'complete',
      created_at: iso,
      completed_at: iso,
      artifacts: [{ artifact_id: expect.stringMatching(/^art_/), type: 'echo.result', created_at: iso }],
    });

    const page = await stack.request('/v1/tasks?agent=echo&status=complete&limit=1');
    const listed = (await page.json()) as { tasks: unknown[]; next_cursor: string | null };
    expect(listed.tasks).toHaveLength(1);
    expect(Object.keys(listed)).toEqual(['tasks', 'next_cursor']);

    const artifacts = await stack.request(`/v1/tasks/${task.task_id}/artifacts`);
    expect(await artifacts.json()).toEqual({
      artifacts: [expect.objectContaining({ artifact_id: expect.stringMatching(/^art_/), type: 'echo.result', data: expect.objectContaining({ message: 'questionnaire' }), created_at: iso })],
    });

    const running = (await (await post('/v1/tasks', { agent: 'echo', task_type: 'echo', input: { sleep_ms: 30_000 } })).json()) as { task_id: string };
    const cancelled = await stack.request(`/v1/tasks/${running.task_id}`, { method: 'DELETE' });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toEqual({ cancelled: true, task_id: running.task_id });
    // DELETE of an unfinished task cancels it, and keeps it.
    expect(await waitForTask(stack, running.task_id, (current) => current.status !== 'queued' && current.status !== 'running')).toMatchObject({
      status: 'cancelled',
      artifacts: [],
    });
  });
});

describe('seed 004: AGNT Tasks', () => {
  it('lists with status=in_progress, mine and page/perPage', async () => {
    const key = await post('/v1/api-keys', { name: 'jane', user_email: 'jane@example.com' });
    const jane = ((await key.json()) as { key: string }).key;
    const created = await stack.request('/v1/tasks', {
      method: 'POST',
      apiKey: jane,
      json: { title: 'Draft Q2 OKRs document', assistant: 'echo', type: 'document-creation', skills: ['document-drafting'], assignedUsers: ['jane@example.com'], followers: ['cto@example.com'] },
    });
    const task = (await created.json()) as { task_id: string };
    expect(task).toMatchObject({ status: 'pending', owner_email: 'jane@example.com', activities: [expect.objectContaining({ to: 'pending' })], executions: [] });
    const processed = await stack.request(`/v1/tasks/${task.task_id}/process`, { method: 'POST', apiKey: jane, json: { message: 'go', files: [] } });
    expect(processed.status).toBe(200);
    // The answer comes once the start is recorded (the quick echo may have finished since).
    expect(await processed.json()).toMatchObject({
      task_id: task.task_id,
      activities: expect.arrayContaining([
        expect.objectContaining({ type: 'message', text: 'go', files: [] }),
        expect.objectContaining({ type: 'status_change', from: 'pending', to: 'running' }),
      ]),
      executions: [expect.objectContaining({ started_at: iso })],
    });

    await waitForTask(stack, task.task_id, (current) => current.status === 'complete');
    const listed = await stack.request('/v1/tasks?status=completed&mine=true&page=1&perPage=10', { apiKey: jane });
    expect(await listed.json()).toMatchObject({ data: [{ task_id: task.task_id, status: 'complete' }], pagination: { page: 1, per_page: 10, total: 1 } });

    // The seed's own listing, of a task that is still at work.
    const long = (await (await stack.request('/v1/tasks', { method: 'POST', apiKey: jane, json: { title: 'Long', assistant: 'echo', input: { sleep_ms: 60_000 } } })).json()) as {
      task_id: string;
    };
    expect((await stack.request(`/v1/tasks/${long.task_id}/process`, { method: 'POST', apiKey: jane, json: {} })).status).toBe(200);
    const inProgress = await stack.request('/v1/tasks?status=in_progress&mine=true&page=1&perPage=10', { apiKey: jane });
    expect(await inProgress.json()).toEqual({ data: [expect.objectContaining({ task_id: long.task_id, status: 'running' })], pagination: { page: 1, per_page: 10, total: 1 } });
    await stack.request(`/v1/tasks/${long.task_id}/cancel`, { method: 'POST', apiKey: jane });

    const stopped = await stack.request(`/v1/tasks/${task.task_id}/stop`, { method: 'POST', apiKey: jane });
    expect(stopped.status).toBe(409);
    // Deleting a finished task erases its history for good: a member key may not, an admin key may.
    await expectProblem(await stack.request(`/v1/tasks/${task.task_id}`, { method: 'DELETE', apiKey: jane }), 403, 'forbidden');
    const deleted = await stack.request(`/v1/tasks/${task.task_id}`, { method: 'DELETE' });
    expect(await deleted.json()).toMatchObject({ deleted: true });
    expect((await stack.request(`/v1/tasks/${task.task_id}`, { apiKey: jane })).status).toBe(404);
  });
});
