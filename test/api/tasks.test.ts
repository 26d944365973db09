import { issueApiKey } from '../../lib/auth/api-keys';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { TASK_STATUS } from '../../workflows/search-attributes';
import { eventually } from '../support/eventually';
import { expectProblem } from '../support/problem';
import { type TestStack, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

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
    const session = (await (await stack.request('/v1/sessions', { method: 'POST', json: {} })).json()) as { session_id: string };
    const response = await stack.request('/v1/tasks', {
      method: 'POST',
      json: { agent: 'echo', task_type: 'echo', input: {}, priority: 'high', session_id: session.session_id },
    });
    expect(response.status).toBe(202);
    const created = (await response.json()) as Record<string, unknown>;
    expect(created).toMatchObject({ agent: 'echo', task_type: 'echo', status: 'queued', priority: 'high', session_id: session.session_id });
    await waitForTask(stack, created.task_id as string, (task) => task.status === 'complete');
  });

  it('answers 400 naming the fields of an input that does not match the manifest', async () => {
    const response = await stack.request('/v1/tasks', {
      method: 'POST',
      json: { agent: 'echo', task_type: 'echo', input: { sleep_ms: 'soon', extra: true } },
    });
    const problem = await expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(['input', 'input.sleep_ms']);
  });

  it('answers 400 listing the valid agents and task types for unknown ones', async () => {
    const unknownAgent = await expectProblem(await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'nope', task_type: 'echo' } }), 400, 'validation_failed');
    expect(unknownAgent.errors).toEqual([expect.objectContaining({ field: 'agent', message: expect.stringContaining('valid agents: ai-readiness, echo, sales') })]);

    const unknownType = await expectProblem(await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'nope' } }), 400, 'validation_failed');
    expect(unknownType.errors).toEqual([expect.objectContaining({ field: 'task_type', message: expect.stringContaining('valid task types: echo') })]);
  });

  it('answers 400 when no agent, or two different agents, are named', async () => {
    const none = await expectProblem(await stack.request('/v1/tasks', { method: 'POST', json: { task_type: 'echo' } }), 400, 'validation_failed');
    expect(none.errors).toEqual([expect.objectContaining({ field: 'agent', in: 'body' })]);
    const two = await expectProblem(
      await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', agent_id: 'other', task_type: 'echo' } }),
      400,
      'validation_failed',
    );
    expect(two.errors).toEqual([{ field: 'agent', in: 'body', message: 'Name one agent, not several' }]);
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
    await expectProblem(different, 409, 'idempotency_key_reused', { task_id: firstTask.task_id });
    expect(await stack.db.task.count({ where: { idempotencyKey: headers['idempotency-key'] } })).toBe(1);
  });
});

/**
 * A Temporal client on which no workflow start ever succeeds: an API process using it commits
 * tasks, and its task starter never gets them started, as if the process died right after the
 * commit. Everything else goes to the real client.
 */
function clientThatNeverStarts(client: Client): Client {
  const refuse = () => Promise.reject(new Error('this process died before starting the workflow'));
  const workflow = new Proxy(client.workflow, {
    get: (target, property, receiver) => (property === 'start' ? refuse : Reflect.get(target, property, receiver)),
  });
  return new Proxy(client, { get: (target, property, receiver) => (property === 'workflow' ? workflow : Reflect.get(target, property, receiver)) });
}

/** POST /v1/tasks through an API process that dies between committing the task and starting its workflow. */
describe('concurrent creates with one Idempotency-Key', () => {
  it('create one task: the others answer 202 with it, marked replayed', async () => {
    const headers = { 'idempotency-key': `race-${Date.now()}` };
    const body = { agent: 'echo', task_type: 'echo', title: `race ${Date.now()}`, input: { message: 'once' } };
    const responses = await Promise.all(Array.from({ length: 6 }, () => stack.request('/v1/tasks', { method: 'POST', json: body, headers })));
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 202));
    const ids = await Promise.all(responses.map(async (response) => ((await response.json()) as { task_id: string }).task_id));
    expect(new Set(ids).size).toBe(1);
    expect(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
    expect(await stack.db.task.count({ where: { title: body.title } })).toBe(1);
    expect(await stack.db.event.count({ where: { taskId: ids[0], type: 'task.created' } })).toBe(1);
  });
});

async function createDyingBeforeStart(body: Record<string, unknown> & { title: string }, headers: Record<string, string> = {}) {
  const dying = await stack.startApi({ temporal: clientThatNeverStarts(stack.temporal) });
  const created = await dying.request('/v1/tasks', { method: 'POST', json: body, headers });
  expect(created.status).toBe(202);
  return stack.db.task.findFirstOrThrow({ where: { title: body.title } });
}

describe('a create that dies after committing the task, before starting its workflow', () => {
  const workflowExists = (taskId: string) => stack.temporal.workflow.getHandle(taskId).describe().then(() => true, (error: unknown) => {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  });

  it('is healed at once by the retry with the same Idempotency-Key: the workflow starts and the task runs', async () => {
    const headers = { 'idempotency-key': `crash-${Date.now()}` };
    const body = { agent: 'echo', task_type: 'echo', title: `crash with key ${Date.now()}`, input: { message: 'late start' } };
    const orphan = await createDyingBeforeStart(body, headers);
    expect(orphan).toMatchObject({ status: 'queued', lastSeq: 1, idempotencyKey: headers['idempotency-key'] });
    expect(await workflowExists(orphan.id)).toBe(false);

    const retried = await stack.request('/v1/tasks', { method: 'POST', json: body, headers });
    expect(retried.status).toBe(202);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await retried.json()).toMatchObject({ task_id: orphan.id, status: 'queued' });
    expect(await workflowExists(orphan.id)).toBe(true);
    expect(await waitForTask(stack, orphan.id, isTerminal)).toMatchObject({ status: 'complete', output: { message: 'late start' } });
    expect(await stack.db.task.count({ where: { title: body.title } })).toBe(1);
  });

  it('without an Idempotency-Key still runs: a command carries out its pending start, and the task runs once', async () => {
    const body = { agent: 'echo', task_type: 'echo', title: `crash without key ${Date.now()}`, input: { sleep_ms: 60_000 } };
    const orphan = await createDyingBeforeStart(body);
    expect(await workflowExists(orphan.id)).toBe(false);
    expect(await stack.db.taskStart.count({ where: { taskId: orphan.id } })).toBe(1);

    // The dying process still holds the start's claim; the command does not wait for it to lapse.
    const cancelled = await stack.request(`/v1/tasks/${orphan.id}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBe(202);
    expect(await waitForTask(stack, orphan.id, isTerminal)).toMatchObject({ status: 'cancelled' });
    expect(await stack.db.taskStart.count({ where: { taskId: orphan.id } })).toBe(0);
    const { executions } = await stack.temporal.workflowService.listWorkflowExecutions({ namespace: 'default', query: `WorkflowId = '${orphan.id}'` });
    expect(executions).toHaveLength(1);
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
  it("links the Temporal UI only for admin keys, unless the operator configured TEMPORAL_UI_URL", async () => {
    const { key: member } = await issueApiKey(stack.db, { tenantId: stack.admin.tenantId, name: 'ui links member', role: 'member' });
    const created = await stack.request('/v1/tasks', { method: 'POST', apiKey: member, json: { agent: 'echo', task_type: 'echo', defer: true } });
    const { task_id, links } = (await created.json()) as { task_id: string; links: { temporal_ui: string | null } };
    // The UI shows every tenant's workflows and can terminate them.
    expect(links.temporal_ui).toBeNull();
    const asAdmin = (await (await stack.request(`/v1/tasks/${task_id}`)).json()) as { links: { temporal_ui: string | null } };
    expect(asAdmin.links.temporal_ui).toBe(`http://127.0.0.1:8233/namespaces/default/workflows/${task_id}`);

    const configured = await startStack({ worker: false, env: { TEMPORAL_UI_URL: 'https://temporal.example.com' } });
    try {
      const { key } = await issueApiKey(configured.db, { tenantId: configured.admin.tenantId, name: 'ui links member', role: 'member' });
      await configured.request('/v1/tasks', { method: 'POST', apiKey: key, json: { agent: 'echo', task_type: 'echo', defer: true } });
      const listed = (await (await configured.request('/v1/tasks?limit=1', { apiKey: key })).json()) as { tasks: { task_id: string; links: { temporal_ui: string | null } }[] };
      const [first] = listed.tasks;
      expect(first?.links.temporal_ui).toBe(`https://temporal.example.com/namespaces/default/workflows/${first?.task_id}`);
    } finally {
      await configured.stop();
    }
  });

  /** Whether the run of `taskId` is among those `query` finds (visibility lags a moment). */
  const listedBy = (query: string, taskId: string) =>
    eventually(async () => {
      for await (const execution of stack.temporal.workflow.list({ query })) if (execution.workflowId === taskId) return execution;
      return undefined;
    }, `the task to be listed by ${query}`);

  it('indexes tenant, agent and task type, and links each task to its run; a task that never waits carries no status', async () => {
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' } });
    const { task_id } = (await created.json()) as { task_id: string };
    const task = await waitForTask(stack, task_id, (current) => current.status === 'complete');
    expect((task.links as { temporal_ui: string }).temporal_ui).toBe(`http://127.0.0.1:8233/namespaces/default/workflows/${task_id}`);

    const tenantQuery = `TaskwrightTenant = '${stack.admin.tenantId}' AND TaskwrightAgent = 'echo' AND TaskwrightTaskType = 'echo'`;
    const execution = await listedBy(`${tenantQuery} AND ExecutionStatus = 'Completed'`, task_id);
    expect(execution.typedSearchAttributes.get(TASK_STATUS)).toBeUndefined();
  });

  it('indexes the status of a task from the moment it waits for a person, and keeps it current to its end', async () => {
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo', input: { require_approval: true } } });
    const { task_id } = (await created.json()) as { task_id: string };
    await listedBy(`TaskwrightTenant = '${stack.admin.tenantId}' AND TaskwrightStatus = 'awaiting_approval'`, task_id);
    const approval = await eventually(async () => {
      const listed = (await (await stack.request(`/v1/approvals?status=pending&task_id=${task_id}`)).json()) as { approvals: { approval_id: string }[] };
      return listed.approvals[0];
    }, 'the approval to be listed');
    expect((await stack.request(`/v1/approvals/${approval.approval_id}/approve`, { method: 'POST', json: { comment: 'ok' } })).status).toBe(200);
    await waitForTask(stack, task_id, (current) => current.status === 'complete');
    await listedBy(`TaskwrightTenant = '${stack.admin.tenantId}' AND TaskwrightStatus = 'complete'`, task_id);
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

      await expectProblem(await stack.request(`/v1/tasks/${task_id}?consistency=strong`), 503, 'workflow_unavailable');
      // A command no worker answers in time is a 503 as well.
      const stopped = await stack.request(`/v1/tasks/${task_id}/stop`, { method: 'POST' });
      await expectProblem(stopped, 503, 'workflow_unavailable');
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
    const consistency = await expectProblem(await stack.request('/v1/tasks/task_nope?consistency=perfect'), 400, 'validation_failed');
    expect(consistency.errors?.map((error) => error.field)).toEqual(['consistency']);
    await expectProblem(await stack.request('/v1/tasks/task_nope'), 404, 'not_found');
  });
});

describe('cancelling a task', () => {
  /** How each runAgent activity of the task's workflow ended, from its history. */
  async function runAgentEndings(taskId: string): Promise<string[]> {
    const events = (await stack.temporal.workflow.getHandle(taskId).fetchHistory()).events ?? [];
    const scheduled = new Set(
      events.filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'runAgent').map((event) => String(event.eventId)),
    );
    const endings = {
      completed: (event: HistoryEvent) => event.activityTaskCompletedEventAttributes,
      failed: (event: HistoryEvent) => event.activityTaskFailedEventAttributes,
      timed_out: (event: HistoryEvent) => event.activityTaskTimedOutEventAttributes,
      canceled: (event: HistoryEvent) => event.activityTaskCanceledEventAttributes,
    };
    return events.flatMap((event) =>
      Object.entries(endings).flatMap(([ending, attributesOf]) => {
        const attributes = attributesOf(event);
        return attributes && scheduled.has(String(attributes.scheduledEventId)) ? [ending] : [];
      }),
    );
  }

  async function startLongTask(): Promise<string> {
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo', input: { sleep_ms: 60_000 } } });
    const { task_id } = (await created.json()) as { task_id: string };
    await waitForTask(stack, task_id, (task) => task.status === 'running');
    return task_id;
  }

  it('cancels a running task with POST /cancel: the activity stops and the task is cancelled', async () => {
    const taskId = await startLongTask();
    const response = await stack.request(`/v1/tasks/${taskId}/cancel`, { method: 'POST' });
    expect(response.status).toBe(202);
    const task = await waitForTask(stack, taskId, isTerminal);
    expect(task.status).toBe('cancelled');
    expect(task.artifacts).toEqual([]);
    // The agent's activity itself ended by acknowledging the cancellation: it neither worked its
    // minute out nor was abandoned to its heartbeat timeout.
    expect(await runAgentEndings(taskId)).toEqual(['canceled']);
    const types = (await stack.db.event.findMany({ where: { taskId }, orderBy: { taskSeq: 'asc' } })).map((event) => event.type);
    expect(types).toEqual(['task.created', 'task.status_changed', 'task.cancelled']);
  });

  it('cancels a running task with DELETE, answering {cancelled: true}', async () => {
    const taskId = await startLongTask();
    const response = await stack.request(`/v1/tasks/${taskId}`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ cancelled: true, task_id: taskId });
    expect((await waitForTask(stack, taskId, isTerminal)).status).toBe('cancelled');
    expect(await runAgentEndings(taskId)).toEqual(['canceled']);
  });

  it('answers 409 with the current status when cancelling a finished task', async () => {
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' } });
    const { task_id } = (await created.json()) as { task_id: string };
    await waitForTask(stack, task_id, (task) => task.status === 'complete');
    const response = await stack.request(`/v1/tasks/${task_id}/cancel`, { method: 'POST' });
    await expectProblem(response, 409, 'illegal_transition', { current_status: 'complete', task_id });
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
