import type { Schemas, TaskwrightClient, operations } from '../../client';
import { expectProblemAnswer, typedClient } from '../support/client';
import { expectProblem } from '../support/problem';
import { type TestStack, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
let api: TaskwrightClient;
beforeAll(async () => {
  stack = await startStack();
  api = typedClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

type TaskBody = Schemas['Task'];
type ProcessBody = NonNullable<operations['processTask']['requestBody']>['content']['application/json'];

async function createTask(body: Omit<NonNullable<operations['createTask']['requestBody']>['content']['application/json'], 'agent'>): Promise<TaskBody> {
  const created = await api.POST('/v1/tasks', { body: { agent: 'echo', ...body } });
  expect(created.response.status).toBe(202);
  return created.data!;
}

/** A task command through the typed client: its answer, and the task record or the problem. */
function command(taskId: string, action: 'process' | 'stop' | 'cancel', body: ProcessBody = {}) {
  const params = { path: { id: taskId } };
  if (action === 'process') return api.POST('/v1/tasks/{id}/process', { params, body });
  return action === 'stop' ? api.POST('/v1/tasks/{id}/stop', { params }) : api.POST('/v1/tasks/{id}/cancel', { params });
}

const reaches = (status: string) => (task: { status: string }) => task.status === status;
const waitForStatus = async (taskId: string, status: string) => (await waitForTask(stack, taskId, reaches(status))) as TaskBody;

async function pendingApprovalOf(taskId: string) {
  const { data, response } = await api.GET('/v1/approvals', { params: { query: { status: 'pending', task_id: taskId } } });
  expect(response.status).toBe(200);
  expect(data!.approvals).toHaveLength(1);
  return data!.approvals[0]!;
}

const onApproval = (id: string) => ({ params: { path: { id } } });

describe('pending and process (AGNT create-then-process)', () => {
  it('keeps a deferred task pending until process starts it with the given context', async () => {
    const created = await createTask({ task_type: 'echo', defer: true, input: { message: 'hi' } });
    expect(created.status).toBe('pending');
    expect(await stack.db.task.findUniqueOrThrow({ where: { id: created.task_id } })).toMatchObject({ status: 'pending', startedAt: null });

    const response = await command(created.task_id, 'process', { message: 'Prioritize mornings if possible.' });
    expect(response.response.status).toBe(200);

    const done = await waitForStatus(created.task_id, 'complete');
    expect(done.output).toMatchObject({ message: 'hi', messages: ['Prioritize mornings if possible.'] });
    expect(done.executions).toEqual([expect.objectContaining({ status: 'complete' })]);
    expect(done.activities).toEqual([
      expect.objectContaining({ type: 'status_change', from: null, to: 'pending' }),
      expect.objectContaining({ type: 'message', text: 'Prioritize mornings if possible.', files: [] }),
      expect.objectContaining({ type: 'status_change', from: 'pending', to: 'running' }),
      expect.objectContaining({ type: 'status_change', from: 'running', to: 'complete' }),
    ]);
  });

  it('answers process with the task as its transition left it: running, one execution, the message recorded', async () => {
    // The agent works for a minute, so the answer cannot be a later state than the transition's.
    const created = await createTask({ task_type: 'echo', defer: true, input: { sleep_ms: 60_000 } });
    const response = await command(created.task_id, 'process', { message: 'Start now.' });
    expect(response.response.status).toBe(200);
    const processed = response.data!;
    expect(processed.status).toBe('running');
    expect(processed.executions).toEqual([expect.objectContaining({ status: 'running', completed_at: null })]);
    expect(processed.activities).toEqual([
      expect.objectContaining({ type: 'status_change', from: null, to: 'pending' }),
      expect.objectContaining({ type: 'message', text: 'Start now.' }),
      expect.objectContaining({ type: 'status_change', from: 'pending', to: 'running' }),
    ]);
    await command(created.task_id, 'cancel');
    await waitForStatus(created.task_id, 'cancelled');
  });

  it('runs the AGNT seed quick start: create with title/assistant (pending), process, get', async () => {
    const create = await api.POST('/v1/tasks', {
      body: {
        title: 'Schedule Q2 planning meeting',
        assistant: 'echo',
        description: 'Find a 90-minute slot next week that works for the leadership team.',
        type: 'scheduling',
        assignedUsers: ['jane@example.com'],
        followers: ['cto@example.com'],
      },
    });
    expect(create.response.status).toBe(202);
    const created = create.data!;
    expect(created).toMatchObject({
      status: 'pending',
      task_type: 'echo',
      title: 'Schedule Q2 planning meeting',
      type: 'scheduling',
      assigned_users: ['jane@example.com'],
      followers: ['cto@example.com'],
      executions: [],
    });

    const processed = await command(created.task_id, 'process', { message: 'Prioritize mornings if possible.', files: [] });
    expect(processed.response.status).toBe(200);
    await waitForStatus(created.task_id, 'complete');
    const fetched = await stack.request(`/v1/tasks/${created.task_id}`);
    expect(await fetched.json()).toMatchObject({ status: 'complete', executions: [expect.objectContaining({ status: 'complete' })] });
  });

  it('answers 409 with the current status for process on a running or finished task', async () => {
    const running = await createTask({ task_type: 'echo', input: { sleep_ms: 30_000 } });
    await waitForStatus(running.task_id, 'running');
    expectProblemAnswer(await command(running.task_id, 'process', { message: 'again' }), 409, 'illegal_transition', { current_status: 'running' });
    await command(running.task_id, 'cancel');
    await waitForStatus(running.task_id, 'cancelled');
    expectProblemAnswer(await command(running.task_id, 'process', {}), 409, 'illegal_transition', { current_status: 'cancelled' });
  });

  it('answers 400 naming the field for a bad process body, and 404 for an unknown task', async () => {
    const created = await createTask({ task_type: 'echo', defer: true });
    const bad = await expectProblem(await stack.request(`/v1/tasks/${created.task_id}/process`, { method: 'POST', json: { message: 5, files: [{}] } }), 400, 'validation_failed');
    expect(bad.errors?.map((error) => error.field).sort()).toEqual(['files.0.name', 'files.0.url', 'message']);
    expectProblemAnswer(await command('task_01JAAAAAAAAAAAAAAAAAAAAAAA', 'process', {}), 404, 'not_found');
    expect((await stack.db.task.findUniqueOrThrow({ where: { id: created.task_id } })).status).toBe('pending');
  });
});

describe('stop', () => {
  it('halts the running execution (on_hold); process resumes it in a new execution with the message', async () => {
    const created = await createTask({ task_type: 'echo', input: { sleep_ms: 60_000, message: 'draft' } });
    await waitForStatus(created.task_id, 'running');

    const stopped = await command(created.task_id, 'stop');
    expect(stopped.response.status).toBe(200);
    const onHold = stopped.data!;
    expect(onHold.status).toBe('on_hold');
    expect(onHold.executions).toEqual([expect.objectContaining({ status: 'stopped' })]);
    expectProblemAnswer(await command(created.task_id, 'stop'), 409, 'illegal_transition', { current_status: 'on_hold' });

    const resumed = (await command(created.task_id, 'process', { message: 'Use the short version.' })).data!;
    expect(resumed.status).toBe('running');
    expect(resumed.executions.map((execution) => execution.status)).toEqual(['stopped', 'running']);
    await command(created.task_id, 'cancel');
    const cancelled = await waitForStatus(created.task_id, 'cancelled');
    expect(cancelled.executions.map((execution) => execution.status)).toEqual(['stopped', 'cancelled']);
  });

  it('stop → process → complete, each execution listed', async () => {
    const created = await createTask({ task_type: 'echo', input: { steps: 3, step_ms: 2_500 } });
    await waitForTask(stack, created.task_id, (task) => ((task as TaskBody).progress as { fraction: number }).fraction > 0);
    expect(((await command(created.task_id, 'stop')).data!).status).toBe('on_hold');
    const steps = ['Step 1 of 3', 'Step 2 of 3', 'Step 3 of 3'];
    const progressSoFar = async () =>
      (await stack.db.event.findMany({ where: { taskId: created.task_id, type: 'task.progress' }, orderBy: { taskSeq: 'asc' } })).map(
        (event) => (event.data as { message: string }).message,
      );
    // The stop cut the work short: the first steps were done, not all of them.
    const doneBeforeStop = await progressSoFar();
    expect(doneBeforeStop.length).toBeLessThan(steps.length);
    expect(doneBeforeStop).toEqual(steps.slice(0, doneBeforeStop.length));

    await command(created.task_id, 'process', { message: 'carry on' });
    const done = await waitForStatus(created.task_id, 'complete');
    expect(done.executions.map((execution) => execution.status)).toEqual(['stopped', 'complete']);
    expect(done.output).toMatchObject({ messages: ['carry on'] });
    // Checkpointed steps are not redone after the stop: each step reported progress once.
    expect(await progressSoFar()).toEqual(steps);
  });

  it('answers 409 for stop on a pending or finished task', async () => {
    const pending = await createTask({ task_type: 'echo', defer: true });
    expectProblemAnswer(await command(pending.task_id, 'stop'), 409, 'illegal_transition', { current_status: 'pending' });
    const finished = await createTask({ task_type: 'echo' });
    await waitForStatus(finished.task_id, 'complete');
    expectProblemAnswer(await command(finished.task_id, 'stop'), 409, 'illegal_transition', { current_status: 'complete' });
  });
});

describe('clarification', () => {
  it('waits in needs_clarification until process answers, then completes with the answer', async () => {
    const created = await createTask({ task_type: 'echo', input: { ask_clarification: 'Which quarter?' } });
    const waiting = await waitForStatus(created.task_id, 'needs_clarification');
    expect(waiting.activities.at(-1)).toMatchObject({ type: 'status_change', from: 'running', to: 'needs_clarification', question: 'Which quarter?' });
    expect(waiting.executions).toEqual([expect.objectContaining({ status: 'awaiting_input', output_summary: 'Which quarter?' })]);
    const strong = (await (await stack.request(`/v1/tasks/${created.task_id}?consistency=strong`)).json()) as TaskBody;
    expect(strong.status).toBe('needs_clarification');

    await command(created.task_id, 'process', { message: 'Q2' });
    const done = await waitForStatus(created.task_id, 'complete');
    expect(done.output).toMatchObject({ clarification: 'Q2', messages: ['Q2'] });
    expect(done.executions.map((execution) => execution.status)).toEqual(['awaiting_input', 'complete']);
    expect(JSON.parse(done.executions[1]!.output_summary!)).toMatchObject({ clarification: 'Q2' });
  });
});

describe('approvals', () => {
  it('waits for approval of the artifact, lists it as pending, and completes once approved', async () => {
    const created = await createTask({ task_type: 'echo', input: { message: 'ship it', require_approval: true } });
    const waiting = await waitForStatus(created.task_id, 'awaiting_approval');
    const approval = await pendingApprovalOf(created.task_id);
    expect(approval).toMatchObject({ title: 'Publish the echo', status: 'pending', artifact_id: waiting.artifacts[0]!.artifact_id });
    expect(new Date(approval.expires_at!).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 60 * 60 * 1000);

    const approved = await api.POST('/v1/approvals/{id}/approve', { ...onApproval(approval.approval_id), body: { comment: 'Looks good' } });
    expect(approved.response.status).toBe(200);
    expect(approved.data).toMatchObject({ status: 'approved', comment: 'Looks good', decided_by: 'api-key:test admin' });
    const again = await api.POST('/v1/approvals/{id}/approve', { ...onApproval(approval.approval_id), body: {} });
    expectProblemAnswer(again, 409, 'approval_not_pending', { current_status: 'approved' });

    const done = await waitForStatus(created.task_id, 'complete');
    expect(done.output).toMatchObject({ approval: 'approved' });
    const types = done.activities.map((activity) => activity.type);
    expect(types).toEqual(['status_change', 'status_change', 'approval_requested', 'status_change', 'approval_resolved', 'status_change', 'status_change']);
    expect(done.activities[4]).toMatchObject({ decision: 'approved', comment: 'Looks good', by: 'api-key:test admin' });
  });

  it('fails the task with approval_denied when the approval is denied', async () => {
    const created = await createTask({ task_type: 'echo', input: { require_approval: true } });
    await waitForStatus(created.task_id, 'awaiting_approval');
    const approval = await pendingApprovalOf(created.task_id);
    const denied = await api.POST('/v1/approvals/{id}/deny', { ...onApproval(approval.approval_id), body: { comment: 'Not now' } });
    expect(denied.response.status).toBe(200);
    expect(denied.data).toMatchObject({ status: 'denied', comment: 'Not now' });
    const failed = await waitForStatus(created.task_id, 'failed');
    expect(failed.error).toEqual({ code: 'approval_denied', message: 'Denied by api-key:test admin: Not now' });
  });

  it('expires into the task type\'s policy: fail for echo, continue for echo_best_effort', async () => {
    const strict = await createTask({ task_type: 'echo', input: { require_approval: true, approval_timeout_ms: 1_000 } });
    const lenient = await createTask({ task_type: 'echo_best_effort', input: { require_approval: true, approval_timeout_ms: 1_000 } });

    const failed = await waitForStatus(strict.task_id, 'failed');
    expect(failed.error?.code).toBe('approval_expired');
    const completed = await waitForStatus(lenient.task_id, 'complete');
    expect(completed.output).toMatchObject({ approval: 'expired' });
    for (const taskId of [strict.task_id, lenient.task_id]) {
      expect(await stack.db.approval.findFirstOrThrow({ where: { taskId } })).toMatchObject({ status: 'expired', decidedBy: null });
    }
  });

  it('cancels a task awaiting approval: cancelled, approval cancelled, artifacts discarded', async () => {
    const created = await createTask({ task_type: 'echo', input: { require_approval: true } });
    await waitForStatus(created.task_id, 'awaiting_approval');
    const approval = await pendingApprovalOf(created.task_id);
    expect((await command(created.task_id, 'cancel')).response.status).toBe(202);
    const cancelled = await waitForStatus(created.task_id, 'cancelled');
    expect(cancelled.artifacts).toEqual([]);
    const decided = await api.GET('/v1/approvals/{id}', onApproval(approval.approval_id));
    expect(decided.data).toMatchObject({ status: 'cancelled' });
    expectProblemAnswer(await api.POST('/v1/approvals/{id}/approve', { ...onApproval(approval.approval_id), body: {} }), 409, 'approval_not_pending');
  });

  it('keeps approvals tenant-scoped', async () => {
    const created = await createTask({ task_type: 'echo', input: { require_approval: true } });
    await waitForStatus(created.task_id, 'awaiting_approval');
    const approval = await pendingApprovalOf(created.task_id);
    const other = await stack.newTenant();
    const otherApi = typedClient(stack, other.apiKey);
    const listed = await otherApi.GET('/v1/approvals', { params: { query: { status: 'pending' } } });
    expect(listed.data).toEqual({ approvals: [], next_cursor: null });
    expectProblemAnswer(await otherApi.POST('/v1/approvals/{id}/approve', { ...onApproval(approval.approval_id), body: {} }), 404, 'not_found');
    await command(created.task_id, 'cancel');
  });
});

describe('cancel from every waiting status', () => {
  it('cancels pending, on_hold and needs_clarification tasks; stop is refused while a question waits', async () => {
    const pending = await createTask({ task_type: 'echo', defer: true });
    const onHold = await createTask({ task_type: 'echo', input: { sleep_ms: 60_000 } });
    const asking = await createTask({ task_type: 'echo', input: { ask_clarification: 'Which?' } });
    await waitForStatus(onHold.task_id, 'running');
    expect(((await command(onHold.task_id, 'stop')).data!).status).toBe('on_hold');
    await waitForStatus(asking.task_id, 'needs_clarification');
    expectProblemAnswer(await command(asking.task_id, 'stop'), 409, 'illegal_transition', { current_status: 'needs_clarification' });

    for (const task of [pending, onHold, asking]) {
      const from = (await stack.db.task.findUniqueOrThrow({ where: { id: task.task_id } })).status;
      expect((await command(task.task_id, 'cancel')).response.status).toBe(202);
      const cancelled = await waitForStatus(task.task_id, 'cancelled');
      expect(cancelled.activities.at(-1)).toMatchObject({ type: 'status_change', from, to: 'cancelled' });
    }
  });
});

describe('AGNT management', () => {
  it('updates details and assignees (a set), recording each change in activities', async () => {
    const created = await createTask({ task_type: 'echo', defer: true, title: 'Draft', assigned_users: ['jane@example.com'] });
    const onTask = { params: { path: { id: created.task_id } } };
    const updated = await api.PUT('/v1/tasks/{id}', {
      ...onTask,
      body: { title: 'Draft (updated)', description: 'Leadership plus VP', skills: ['drafting'], followers: ['cto@example.com'] },
    });
    expect(updated.response.status).toBe(200);
    expect(updated.data).toMatchObject({ title: 'Draft (updated)', description: 'Leadership plus VP', skills: ['drafting'], followers: ['cto@example.com'], status: 'pending' });

    const assigned = await api.PUT('/v1/tasks/{id}/assignees', { ...onTask, body: { emails: ['bob@example.com', 'new-hire@example.com', 'bob@example.com'] } });
    const body = assigned.data!;
    expect(body.assigned_users).toEqual(['bob@example.com', 'new-hire@example.com']);
    expect(body.activities.slice(1)).toEqual([
      expect.objectContaining({ type: 'update', by: 'api-key:test admin', fields: expect.objectContaining({ title: { from: 'Draft', to: 'Draft (updated)' } }) }),
      expect.objectContaining({ type: 'assignment', from: ['jane@example.com'], to: ['bob@example.com', 'new-hire@example.com'] }),
    ]);
  });

  it('answers 400 for a status change through PUT or an empty update, 404 across tenants', async () => {
    const created = await createTask({ task_type: 'echo', defer: true });
    const status = await expectProblem(await stack.request(`/v1/tasks/${created.task_id}`, { method: 'PUT', json: { status: 'complete' } }), 400, 'validation_failed');
    expect(status.errors?.[0]?.field).toBe('status');
    await expectProblem(await stack.request(`/v1/tasks/${created.task_id}`, { method: 'PUT', json: {} }), 400, 'validation_failed');
    await expectProblem(await stack.request(`/v1/tasks/${created.task_id}/assignees`, { method: 'PUT', json: { emails: ['not-an-email'] } }), 400, 'validation_failed');
    const other = await stack.newTenant();
    await expectProblem(await stack.request(`/v1/tasks/${created.task_id}`, { method: 'PUT', json: { title: 'x' }, apiKey: other.apiKey }), 404, 'not_found');
    expect((await stack.db.task.findUniqueOrThrow({ where: { id: created.task_id } })).title).toBeNull();
  });

  it('takes feedback while the task runs and after it finished, and clears it with null', async () => {
    const waiting = await createTask({ task_type: 'echo', defer: true });
    const feedback = (taskId: string, status: 'like' | 'dislike' | null) => api.POST('/v1/tasks/{id}/feedback', { params: { path: { id: taskId } }, body: { status } });
    expect((await feedback(waiting.task_id, 'like')).data).toMatchObject({ feedback: 'like', status: 'pending' });

    const finished = await createTask({ task_type: 'echo' });
    await waitForStatus(finished.task_id, 'complete');
    expect((await feedback(finished.task_id, 'dislike')).data).toMatchObject({ feedback: 'dislike' });
    const cleared = (await feedback(finished.task_id, null)).data!;
    expect(cleared.feedback).toBeNull();
    expect(cleared.activities.filter((activity) => activity.type === 'feedback')).toEqual([
      expect.objectContaining({ from: null, to: 'dislike' }),
      expect.objectContaining({ from: 'dislike', to: null }),
    ]);
    // Malformed on purpose: raw requests.
    await expectProblem(await stack.request(`/v1/tasks/${finished.task_id}/feedback`, { method: 'POST', json: { status: 'love' } }), 400, 'validation_failed');
    await expectProblem(await stack.request(`/v1/tasks/${finished.task_id}/feedback`, { method: 'POST', json: {} }), 400, 'validation_failed');
  });
});
