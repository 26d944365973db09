import { type TestStack, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const isTerminal = (task: { status: string }) => ['complete', 'failed', 'cancelled'].includes(task.status);

describe('creating a task', () => {
  it('accepts the Tasks & Artifacts seed shape (agent_id) and runs to complete with one artifact', async () => {
    const response = await stack.request('/v1/tasks', {
      method: 'POST',
      json: { agent_id: 'echo', task_type: 'echo', input: { message: 'hello' } },
    });
    expect(response.status).toBe(202);
    const created = (await response.json()) as { task_id: string; status: string; created_at: string };
    expect(created.task_id).toMatch(/^task_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(created.status).toBe('queued');
    expect(response.headers.get('location')).toBe(`/v1/tasks/${created.task_id}`);

    const task = await waitForTask(stack, created.task_id, isTerminal);
    expect(task).toMatchObject({ status: 'complete', agent: 'echo', task_type: 'echo', output: { message: 'hello' } });
    const artifacts = task.artifacts as { artifact_id: string; type: string }[];
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'echo.result', artifact_id: expect.stringMatching(/^art_/) });
    expect(task.completed_at).toEqual(expect.any(String));
    expect((task.activities as { to: string }[]).map((activity) => activity.to)).toEqual(['queued', 'running', 'complete']);

    const events = await stack.db.event.findMany({ where: { taskId: created.task_id }, orderBy: { taskSeq: 'asc' } });
    expect(events.map((event) => [event.taskSeq, event.type])).toEqual([
      [1, 'task.created'],
      [2, 'task.status_changed'],
      [3, 'artifact.emitted'],
      [4, 'task.complete'],
    ]);
  });

  it('accepts the Tasks API seed shape (agent, priority, session_id)', async () => {
    const response = await stack.request('/v1/tasks', {
      method: 'POST',
      json: { agent: 'echo', task_type: 'echo', input: {}, priority: 'high', session_id: 'sess_1' },
    });
    expect(response.status).toBe(202);
    const created = (await response.json()) as Record<string, unknown>;
    expect(created).toMatchObject({ agent: 'echo', task_type: 'echo', status: 'queued', priority: 'high', session_id: 'sess_1' });
    await waitForTask(stack, created.task_id as string, (task) => task.status === 'complete');
  });

  it('answers 400 naming the fields of an input that does not match the manifest', async () => {
    const response = await stack.request('/v1/tasks', {
      method: 'POST',
      json: { agent: 'echo', task_type: 'echo', input: { sleep_ms: 'soon', extra: true } },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['input', 'input.sleep_ms']);
  });

  it('answers 400 listing the valid agents and task types for unknown ones', async () => {
    const unknownAgent = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'nope', task_type: 'echo' } });
    expect(unknownAgent.status).toBe(400);
    expect(await unknownAgent.json()).toMatchObject({ errors: [{ field: 'agent', message: expect.stringContaining('echo') }] });

    const unknownType = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'nope' } });
    expect(unknownType.status).toBe(400);
    expect(await unknownType.json()).toMatchObject({ errors: [{ field: 'task_type', message: expect.stringContaining('echo') }] });
  });

  it('answers 400 when no agent, or two different agents, are named', async () => {
    const none = await stack.request('/v1/tasks', { method: 'POST', json: { task_type: 'echo' } });
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ errors: [{ field: 'agent' }] });
    const two = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', agent_id: 'other', task_type: 'echo' } });
    expect(two.status).toBe(400);
  });

  it('returns the first task for a retried create with the same Idempotency-Key, 409 for a different body', async () => {
    const headers = { 'idempotency-key': `key-${Date.now()}` };
    const body = { agent: 'echo', task_type: 'echo', input: { message: 'once' } };
    const first = await stack.request('/v1/tasks', { method: 'POST', json: body, headers });
    const again = await stack.request('/v1/tasks', { method: 'POST', json: { input: { message: 'once' }, task_type: 'echo', agent: 'echo' }, headers });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    const firstTask = (await first.json()) as { task_id: string };
    expect(((await again.json()) as { task_id: string }).task_id).toBe(firstTask.task_id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const different = await stack.request('/v1/tasks', { method: 'POST', json: { ...body, input: { message: 'twice' } }, headers });
    expect(different.status).toBe(409);
    expect(await stack.db.task.count({ where: { idempotencyKey: headers['idempotency-key'] } })).toBe(1);
  });

  it('starts the workflow on a retried create when the first attempt died before starting it', async () => {
    const headers = { 'idempotency-key': `crash-${Date.now()}` };
    const body = { agent: 'echo', task_type: 'echo', defer: true, input: { message: 'late start' } };
    const first = (await (await stack.request('/v1/tasks', { method: 'POST', json: body, headers })).json()) as { task_id: string };
    // As if the API process died after committing the row: the row exists, no workflow runs it.
    // (Terminating stands in for "never started"; deleting a run takes the dev server ~30 s.)
    await stack.temporal.workflow.getHandle(first.task_id).terminate('simulated crash');

    const retried = await stack.request('/v1/tasks', { method: 'POST', json: body, headers });
    expect(retried.status).toBe(202);
    expect((await retried.json()) as { task_id: string }).toMatchObject({ task_id: first.task_id, status: 'pending' });
    expect((await stack.request(`/v1/tasks/${first.task_id}/process`, { method: 'POST', json: {} })).status).toBe(200);
    await waitForTask(stack, first.task_id, (task) => task.status === 'complete');
  });
});

describe('a failing task', () => {
  it('ends failed with the agent\'s error code and message, without retrying', async () => {
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo', input: { fail_with: 'quota_exceeded' } } });
    const { task_id } = (await created.json()) as { task_id: string };
    const task = await waitForTask(stack, task_id, isTerminal);
    expect(task).toMatchObject({
      status: 'failed',
      error: { code: 'quota_exceeded', message: 'Failed on request (fail_with: quota_exceeded).' },
      artifacts: [],
      completed_at: expect.any(String),
    });
    expect(task.executions).toEqual([expect.objectContaining({ status: 'failed', output_summary: expect.stringContaining('quota_exceeded') })]);
    // The started event of an activity records its last attempt.
    const { events } = await stack.temporal.workflow.getHandle(task_id).fetchHistory();
    const scheduled = events!.find((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'runAgent');
    const started = events!.find((event) => String(event.activityTaskStartedEventAttributes?.scheduledEventId) === String(scheduled?.eventId));
    expect(started?.activityTaskStartedEventAttributes?.attempt).toBe(1);
  });
});

describe('Temporal visibility', () => {
  it('indexes tenant, agent, task type and current status, and links each task to its run', async () => {
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' } });
    const { task_id } = (await created.json()) as { task_id: string };
    const task = await waitForTask(stack, task_id, (current) => current.status === 'complete');
    expect((task.links as { temporal_ui: string }).temporal_ui).toBe(`http://127.0.0.1:8233/namespaces/default/workflows/${task_id}`);

    const query = `TaskwrightTenant = '${stack.admin.tenantId}' AND TaskwrightAgent = 'echo' AND TaskwrightTaskType = 'echo' AND TaskwrightStatus = 'complete'`;
    let found: string[] = [];
    for (let attempt = 0; attempt < 50 && !found.includes(task_id); attempt++) {
      found = [];
      for await (const execution of stack.temporal.workflow.list({ query })) found.push(execution.workflowId);
      if (!found.includes(task_id)) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(found).toContain(task_id);
  });
});

describe('reading a task', () => {
  it('serves the projection while the worker is down, and strong reads ask the workflow', async () => {
    await stack.stopWorker();
    try {
      const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' } });
      const { task_id } = (await created.json()) as { task_id: string };
      const read = await stack.request(`/v1/tasks/${task_id}`);
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ task_id, status: 'queued' });

      const strong = await stack.request(`/v1/tasks/${task_id}?consistency=strong`);
      expect(strong.status).toBe(503);
      // A command no worker answers in time is a 503 as well.
      const stopped = await stack.request(`/v1/tasks/${task_id}/stop`, { method: 'POST' });
      expect(stopped.status).toBe(503);
      expect(((await stopped.json()) as { code: string }).code).toBe('workflow_unavailable');
      expect(stopped.headers.get('retry-after')).toBe('5');
    } finally {
      await stack.startWorker();
    }
  });

  it('answers a strong read with the workflow state', async () => {
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' } });
    const { task_id } = (await created.json()) as { task_id: string };
    await waitForTask(stack, task_id, (task) => task.status === 'complete');
    const strong = await stack.request(`/v1/tasks/${task_id}?consistency=strong`);
    expect(strong.status).toBe(200);
    expect(await strong.json()).toMatchObject({ task_id, status: 'complete', consistency: 'strong' });
  });

  it('answers 400 for an unknown consistency and 404 for an unknown task', async () => {
    expect((await stack.request('/v1/tasks/task_nope?consistency=perfect')).status).toBe(400);
    expect((await stack.request('/v1/tasks/task_nope')).status).toBe(404);
  });
});

describe('cancelling a task', () => {
  async function startLongTask(): Promise<string> {
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo', input: { sleep_ms: 60_000 } } });
    const { task_id } = (await created.json()) as { task_id: string };
    await waitForTask(stack, task_id, (task) => task.status === 'running');
    return task_id;
  }

  it('cancels a running task with POST /cancel: the activity stops and the task is cancelled', async () => {
    const taskId = await startLongTask();
    const started = Date.now();
    const response = await stack.request(`/v1/tasks/${taskId}/cancel`, { method: 'POST' });
    expect(response.status).toBe(202);
    const task = await waitForTask(stack, taskId, isTerminal, { timeoutMs: 10_000 });
    expect(task.status).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(task.artifacts).toEqual([]);
    const types = (await stack.db.event.findMany({ where: { taskId }, orderBy: { taskSeq: 'asc' } })).map((event) => event.type);
    expect(types).toEqual(['task.created', 'task.status_changed', 'task.cancelled']);
  });

  it('cancels a running task with DELETE, answering {cancelled: true}', async () => {
    const taskId = await startLongTask();
    const response = await stack.request(`/v1/tasks/${taskId}`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ cancelled: true, task_id: taskId });
    expect((await waitForTask(stack, taskId, isTerminal, { timeoutMs: 10_000 })).status).toBe('cancelled');
  });

  it('answers 409 with the current status when cancelling a finished task', async () => {
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' } });
    const { task_id } = (await created.json()) as { task_id: string };
    await waitForTask(stack, task_id, (task) => task.status === 'complete');
    const response = await stack.request(`/v1/tasks/${task_id}/cancel`, { method: 'POST' });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'illegal_transition', status: 409, current_status: 'complete', task_id });
  });

  it('deletes a finished task permanently with DELETE, with its events and artifacts', async () => {
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' } });
    const { task_id } = (await created.json()) as { task_id: string };
    await waitForTask(stack, task_id, (task) => task.status === 'complete');
    const response = await stack.request(`/v1/tasks/${task_id}`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deleted: true, task_id });
    expect((await stack.request(`/v1/tasks/${task_id}`)).status).toBe(404);
    expect(await stack.db.event.count({ where: { taskId: task_id } })).toBe(0);
    expect(await stack.db.artifact.count({ where: { taskId: task_id } })).toBe(0);
  });

  it('answers 404, not 500, to the loser of two concurrent permanent deletes', async () => {
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' } });
    const { task_id } = (await created.json()) as { task_id: string };
    await waitForTask(stack, task_id, (task) => task.status === 'complete');
    const statuses = (await Promise.all([1, 2].map(() => stack.request(`/v1/tasks/${task_id}`, { method: 'DELETE' })))).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 404]);
  });
});
