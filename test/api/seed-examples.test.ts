import type { TaskwrightClient } from '../../client';
import { expectProblemAnswer, typedClient, waitForTaskRecord } from '../support/client';
import { type TestStack, startStack } from '../support/stack';

// The curl examples of the seed documents 000 (Tasks & Artifacts), 001 (Tasks API) and 004 (AGNT
// Tasks), sent as written except for the agent (echo stands in for the seed's agents) and IDs,
// through the typed client.
let stack: TestStack;
let api: TaskwrightClient;
beforeAll(async () => {
  stack = await startStack();
  api = typedClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

const iso = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
const onTask = (id: string) => ({ params: { path: { id } } });

describe('seed 000: Tasks & Artifacts', () => {
  it('creates with agent_id, polls, and cancels with POST /cancel', async () => {
    const created = await api.POST('/v1/tasks', { body: { agent_id: 'echo-agent', task_type: 'echo', input: { sleep_ms: 30_000 } } });
    expect(created.response.status).toBe(202);
    const task = created.data!;
    expect(task).toMatchObject({ task_id: expect.stringMatching(/^task_/), status: 'queued', created_at: iso });

    const polled = await api.GET('/v1/tasks/{id}', onTask(task.task_id));
    expect(polled.response.status).toBe(200);
    expect(polled.data).toMatchObject({ task_id: task.task_id, task_type: 'echo', input: { sleep_ms: 30_000 }, tenant_id: expect.any(String) });

    expect((await api.POST('/v1/tasks/{id}/cancel', onTask(task.task_id))).response.status).toBe(202);
    expect(await waitForTaskRecord(api, task.task_id, (current) => current.status === 'cancelled')).toMatchObject({ artifacts: [] });
    const again = await api.POST('/v1/tasks/{id}/cancel', onTask(task.task_id));
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ code: 'illegal_transition', current_status: 'cancelled' });
  });
});

describe('seed 001: Tasks API', () => {
  it('creates (202 queued), gets with artifacts, lists with a cursor, reads task artifacts, cancels with DELETE', async () => {
    const created = await api.POST('/v1/tasks', { body: { agent: 'echo', task_type: 'echo', input: { message: 'questionnaire' }, priority: 'normal' } });
    expect(created.response.status).toBe(202);
    const task = created.data!;
    expect(task).toMatchObject({ agent: 'echo', task_type: 'echo', status: 'queued', created_at: iso });

    const done = await waitForTaskRecord(api, task.task_id, (current) => current.status === 'complete');
    expect(done).toMatchObject({
      task_id: task.task_id,
      agent: 'echo',
      task_type: 'echo',
      status: 'complete',
      created_at: iso,
      completed_at: iso,
      artifacts: [{ artifact_id: expect.stringMatching(/^art_/), type: 'echo.result', created_at: iso }],
    });

    const page = await api.GET('/v1/tasks', { params: { query: { agent: 'echo', status: 'complete', limit: 1 } } });
    const listed = page.data!;
    expect('tasks' in listed && listed.tasks).toHaveLength(1);
    expect(Object.keys(listed)).toEqual(['tasks', 'next_cursor']);

    const artifacts = await api.GET('/v1/tasks/{id}/artifacts', onTask(task.task_id));
    expect(artifacts.data).toEqual({
      artifacts: [expect.objectContaining({ artifact_id: expect.stringMatching(/^art_/), type: 'echo.result', data: expect.objectContaining({ message: 'questionnaire' }), created_at: iso })],
    });

    const running = (await api.POST('/v1/tasks', { body: { agent: 'echo', task_type: 'echo', input: { sleep_ms: 30_000 } } })).data!;
    const cancelled = await api.DELETE('/v1/tasks/{id}', onTask(running.task_id));
    expect(cancelled.response.status).toBe(200);
    expect(cancelled.data).toEqual({ cancelled: true, task_id: running.task_id });
    // DELETE of an unfinished task cancels it, and keeps it.
    expect(await waitForTaskRecord(api, running.task_id, (current) => current.status !== 'queued' && current.status !== 'running')).toMatchObject({
      status: 'cancelled',
      artifacts: [],
    });
  });
});

describe('seed 004: AGNT Tasks', () => {
  it('lists with status=in_progress, mine and page/perPage', async () => {
    const key = await api.POST('/v1/api-keys', { body: { name: 'jane', user_email: 'jane@example.com' } });
    const jane = typedClient(stack, key.data!.key);
    const created = await jane.POST('/v1/tasks', {
      body: { title: 'Draft Q2 OKRs document', assistant: 'echo', type: 'document-creation', skills: ['document-drafting'], assignedUsers: ['jane@example.com'], followers: ['cto@example.com'] },
    });
    const task = created.data!;
    expect(task).toMatchObject({ status: 'pending', owner_email: 'jane@example.com', activities: [expect.objectContaining({ to: 'pending' })], executions: [] });
    const processed = await jane.POST('/v1/tasks/{id}/process', { ...onTask(task.task_id), body: { message: 'go', files: [] } });
    expect(processed.response.status).toBe(200);
    // The answer comes once the start is recorded (the quick echo may have finished since).
    expect(processed.data).toMatchObject({
      task_id: task.task_id,
      activities: expect.arrayContaining([
        expect.objectContaining({ type: 'message', text: 'go', files: [] }),
        expect.objectContaining({ type: 'status_change', from: 'pending', to: 'running' }),
      ]),
      executions: [expect.objectContaining({ started_at: iso })],
    });

    await waitForTaskRecord(jane, task.task_id, (current) => current.status === 'complete');
    const listed = await jane.GET('/v1/tasks', { params: { query: { status: 'completed', mine: 'true', page: 1, perPage: 10 } } });
    expect(listed.data).toMatchObject({ data: [{ task_id: task.task_id, status: 'complete' }], pagination: { page: 1, per_page: 10, total: 1 } });

    // The seed's own listing, of a task that is still at work.
    const long = (await jane.POST('/v1/tasks', { body: { title: 'Long', assistant: 'echo', input: { sleep_ms: 60_000 } } })).data!;
    expect((await jane.POST('/v1/tasks/{id}/process', { ...onTask(long.task_id), body: {} })).response.status).toBe(200);
    const inProgress = await jane.GET('/v1/tasks', { params: { query: { status: 'in_progress', mine: 'true', page: 1, perPage: 10 } } });
    expect(inProgress.data).toEqual({ data: [expect.objectContaining({ task_id: long.task_id, status: 'running' })], pagination: { page: 1, per_page: 10, total: 1 } });
    await jane.POST('/v1/tasks/{id}/cancel', onTask(long.task_id));

    const stopped = await jane.POST('/v1/tasks/{id}/stop', onTask(task.task_id));
    expect(stopped.response.status).toBe(409);
    // Deleting a finished task erases its history for good: a member key may not, an admin key may.
    expectProblemAnswer(await jane.DELETE('/v1/tasks/{id}', onTask(task.task_id)), 403, 'forbidden');
    const deleted = await api.DELETE('/v1/tasks/{id}', onTask(task.task_id));
    expect(deleted.data).toMatchObject({ deleted: true });
    expect((await jane.GET('/v1/tasks/{id}', onTask(task.task_id))).response.status).toBe(404);
  });
});
