import { newId } from '../../lib/ids';
import { expectProblem } from '../support/problem';
import { type TestStack, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Session = { session_id: string; status: string; title: string | null; metadata: Record<string, unknown>; closed_at: string | null };

async function createSession(json: Record<string, unknown> = {}): Promise<Session> {
  const response = await stack.request('/v1/sessions', { method: 'POST', json });
  expect(response.status).toBe(201);
  return (await response.json()) as Session;
}

async function sessionEvents(sessionId: string, type: string) {
  const response = await stack.request(`/v1/events?type=${type}&limit=500`);
  expect(response.status).toBe(200);
  const { events } = (await response.json()) as { events: { type: string; task_id: string | null; data: Record<string, unknown> }[] };
  return events.filter((event) => event.data.session_id === sessionId);
}

describe('sessions', () => {
  it('creates, lists and shows a session with its tasks and messages', async () => {
    const session = await createSession({ title: 'Vendor review', metadata: { customer: 'acme' } });
    expect(session).toMatchObject({ session_id: expect.stringMatching(/^ses_/), status: 'open', title: 'Vendor review', metadata: { customer: 'acme' }, closed_at: null });

    const task = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', input: { message: 'in a session' }, session_id: session.session_id } });
    expect(task.status).toBe(202);
    const { task_id } = (await task.json()) as { task_id: string };
    const message = await stack.request(`/v1/sessions/${session.session_id}/messages`, { method: 'POST', json: { text: 'Any news?', from: 'ana@example.com' } });
    expect(message.status).toBe(201);
    expect(await message.json()).toMatchObject({ session_id: session.session_id, text: 'Any news?', from: 'ana@example.com', answered_task_id: null });

    const shown = await stack.request(`/v1/sessions/${session.session_id}`);
    expect(shown.status).toBe(200);
    const detail = (await shown.json()) as Session & { tasks: { task_id: string; session_id: string }[]; messages: { text: string }[] };
    expect(detail.tasks.map((item) => item.task_id)).toEqual([task_id]);
    expect(detail.messages).toEqual([expect.objectContaining({ text: 'Any news?', from: 'ana@example.com' })]);

    const listed = (await (await stack.request('/v1/sessions?status=open')).json()) as { sessions: Session[] };
    expect(listed.sessions.map((item) => item.session_id)).toContain(session.session_id);
    expect(await sessionEvents(session.session_id, 'session.message')).toEqual([
      expect.objectContaining({ type: 'session.message', task_id: null, data: expect.objectContaining({ text: 'Any news?' }) }),
    ]);
  });

  it('records session.closed on close, then refuses new tasks, reruns into it and messages with 409', async () => {
    const session = await createSession();
    const before = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', input: {}, session_id: session.session_id } });
    const { task_id } = (await before.json()) as { task_id: string };
    await waitForTask(stack, task_id, (task) => task.status === 'complete');

    const closed = await stack.request(`/v1/sessions/${session.session_id}/close`, { method: 'POST' });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ status: 'closed', closed_at: expect.any(String) });
    expect(await sessionEvents(session.session_id, 'session.closed')).toHaveLength(1);

    const refused = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', input: {}, session_id: session.session_id } });
    await expectProblem(refused, 409, 'session_closed', { current_status: 'closed' });
    await expectProblem(await stack.request(`/v1/tasks/${task_id}/rerun`, { method: 'POST', json: {} }), 409, 'session_closed');
    await expectProblem(await stack.request(`/v1/sessions/${session.session_id}/messages`, { method: 'POST', json: { text: 'late' } }), 409, 'session_closed');
    await expectProblem(await stack.request(`/v1/sessions/${session.session_id}/close`, { method: 'POST' }), 409, 'session_closed');
    expect(await sessionEvents(session.session_id, 'session.closed')).toHaveLength(1);
  });

  it('answers 404 for a session_id the tenant does not have, and keeps tenants apart', async () => {
    const other = await stack.newTenant();
    const session = await createSession();
    const response = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', input: {}, session_id: session.session_id }, apiKey: other.apiKey });
    await expectProblem(response, 404, 'not_found');
    await expectProblem(await stack.request(`/v1/sessions/${session.session_id}`, { apiKey: other.apiKey }), 404, 'not_found');
    await expectProblem(await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', input: {}, session_id: 'ses_unknown' } }), 404, 'not_found');
  });

  it('answers a task of the session that waits in needs_clarification with the next message', async () => {
    const session = await createSession();
    const created = await stack.request('/v1/tasks', {
      method: 'POST',
      json: { agent: 'echo', input: { ask_clarification: 'Which quarter?' }, session_id: session.session_id },
    });
    const { task_id } = (await created.json()) as { task_id: string };
    await waitForTask(stack, task_id, (task) => task.status === 'needs_clarification');

    const message = await stack.request(`/v1/sessions/${session.session_id}/messages`, { method: 'POST', json: { text: 'Q3 please' } });
    expect(message.status).toBe(201);
    expect(await message.json()).toMatchObject({ answered_task_id: task_id });
    const done = (await waitForTask(stack, task_id, (task) => task.status === 'complete')) as unknown as { output: Record<string, unknown> };
    expect(done.output).toMatchObject({ clarification: 'Q3 please' });
  });

  it('records the message alone when the waiting task can no longer take an answer', async () => {
    const session = await createSession();
    // The row says it waits, but its workflow has ended (it answers nothing any more).
    const task = await stack.db.task.create({
      data: { id: newId('task'), tenantId: stack.admin.tenantId, agent: 'echo', taskType: 'echo', input: {}, status: 'needs_clarification', sessionId: session.session_id },
    });
    const message = await stack.request(`/v1/sessions/${session.session_id}/messages`, { method: 'POST', json: { text: 'hello?' } });
    expect(message.status).toBe(201);
    expect(await message.json()).toMatchObject({ text: 'hello?', answered_task_id: null });
    expect(await sessionEvents(session.session_id, 'session.message')).toHaveLength(1);
    expect((await stack.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('needs_clarification');
  });

  it('refuses bad bodies with 400 naming the field', async () => {
    const problem = await expectProblem(await stack.request('/v1/sessions', { method: 'POST', json: { metadata: 'no' } }), 400, 'validation_failed');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'metadata' })]);
    const session = await createSession();
    const empty = await expectProblem(await stack.request(`/v1/sessions/${session.session_id}/messages`, { method: 'POST', json: { text: '' } }), 400);
    expect(empty.errors).toEqual([expect.objectContaining({ field: 'text' })]);
  });
});
