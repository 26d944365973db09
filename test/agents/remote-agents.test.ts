import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eventually } from '../support/eventually';
import { expectProblem } from '../support/problem';
import { type TestStack, type TestTenant, startStack } from '../support/stack';
import { WebhookReceiver } from '../support/webhook-receiver';
import { webhookSecretBoxFor } from '../../lib/webhooks/secret-box';
import { freePort } from '../support/free-port';

// The README's example agent, run as it is: a separate Python process, standard library only.
const PYTHON_AGENT = path.join(__dirname, '..', '..', 'examples', 'remote-agent.py');
const SECRET = 'agent-secret-0123456789abcdef';
const STORAGE_QUOTA = 64 * 1024;

let stack: TestStack;
let tenant: TestTenant;
const agents: ChildProcess[] = [];
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  // A small storage quota, which only the quota test's own tenant comes near.
  stack = await startStack({ env: { OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true', TENANT_MAX_STORAGE_BYTES: String(STORAGE_QUOTA) } });
  tenant = await stack.newTenant();
});

afterAll(async () => {
  for (const agent of agents) agent.kill('SIGKILL');
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await stack.stop();
});

const request = (route: string, init: Parameters<TestStack['request']>[1] = {}) => stack.request(route, { apiKey: tenant.apiKey, ...init });


/** Starts the Python agent on a free port and waits until it listens. */
async function startPythonAgent(): Promise<{ process: ChildProcess; endpoint: string }> {
  const port = await freePort();
  const child = spawn('python3', [PYTHON_AGENT, String(port), SECRET], { stdio: ['ignore', 'pipe', 'pipe'] });
  agents.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`the Python agent exited with ${code}`)));
  });
  return { process: child, endpoint: `http://127.0.0.1:${port}/dispatch` };
}

const wordCounter = (slug: string, endpoint: string) => ({
  slug,
  name: 'Word counter',
  description: 'Counts words, in Python',
  endpoint,
  secret: SECRET,
  task_types: {
    'text.count': {
      description: 'Counts the words of a text',
      input_schema: {
        type: 'object',
        properties: { text: { type: 'string', minLength: 1 }, work_seconds: { type: 'integer', minimum: 0, maximum: 10 } },
        required: ['text'],
        additionalProperties: false,
      },
      emits: ['text.stats'],
      timeout_ms: 60_000,
      heartbeat_timeout_ms: 2_000,
      maximum_attempts: 3,
    },
  },
});

async function register(body: Record<string, unknown>) {
  const response = await request('/v1/agents', { method: 'POST', json: body });
  expect(response.status).toBe(201);
  return response.json() as Promise<Record<string, unknown>>;
}

async function createTask(agent: string, input: Record<string, unknown>): Promise<string> {
  const response = await request('/v1/tasks', { method: 'POST', json: { agent, input } });
  expect(response.status).toBe(202);
  return ((await response.json()) as { task_id: string }).task_id;
}

async function readTask(taskId: string) {
  return (await (await request(`/v1/tasks/${taskId}`)).json()) as Record<string, unknown> & { status: string; output: unknown; executions: unknown[] };
}

const settled = (taskId: string, status: string, timeoutMs = 30_000) =>
  eventually(async () => {
    const task = await readTask(taskId);
    return task.status === status ? task : undefined;
  }, `task ${taskId} ${status}`, timeoutMs);

async function eventsOf(taskId: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  return ((await (await request(`/v1/events?task_id=${taskId}&limit=500`)).json()) as { events: { type: string; data: Record<string, unknown> }[] }).events;
}

describe('registering remote agents', () => {
  it('lists a registered agent beside the built-in ones, validates inputs against its JSON Schema, and refuses taken names', async () => {
    const registered = await register(wordCounter('schema-check', 'http://127.0.0.1:9/dispatch'));
    expect(registered).toMatchObject({ slug: 'schema-check', kind: 'registered', default_task_type: 'text.count', secret_hint: '…cdef' });
    expect(JSON.stringify(registered)).not.toContain(SECRET);
    // Sealed at rest, like webhooks' secrets.
    const row = await stack.db.registeredAgent.findFirstOrThrow({ where: { slug: 'schema-check', tenantId: tenant.tenantId } });
    expect(row.secret).not.toContain(SECRET);
    expect(webhookSecretBoxFor(stack.config).open(row.secret)).toBe(SECRET);

    const listed = (await (await request('/v1/agents')).json()) as { agents: { slug: string; kind: string }[] };
    expect(listed.agents.map((agent) => agent.slug)).toEqual(expect.arrayContaining(['echo', 'sales', 'schema-check']));
    const manifest = (await (await request('/v1/agents/schema-check')).json()) as { task_types: { name: string; input_schema: unknown; heartbeat_timeout_ms: number }[] };
    expect(manifest.task_types[0]).toMatchObject({ name: 'text.count', input_schema: wordCounter('', '').task_types['text.count'].input_schema, heartbeat_timeout_ms: 2_000 });
    // Another tenant does not see it.
    await expectProblem(await stack.request('/v1/agents/schema-check'), 404, 'not_found');

    const bad = await request('/v1/tasks', { method: 'POST', json: { agent: 'schema-check', input: { work_seconds: 'soon', extra: 1 } } });
    const problem = await expectProblem(bad, 400, 'validation_failed');
    expect(problem.errors!.map((error) => error.field).sort()).toEqual(['input.extra', 'input.text', 'input.work_seconds']);

    await expectProblem(await request('/v1/agents', { method: 'POST', json: wordCounter('schema-check', 'http://127.0.0.1:9/') }), 409, 'agent_exists');
    await expectProblem(await request('/v1/agents', { method: 'POST', json: wordCounter('echo', 'http://127.0.0.1:9/') }), 409, 'built_in_agent');
    await expectProblem(await request('/v1/agents', { method: 'POST', json: wordCounter('ai-readiness-agent', 'http://127.0.0.1:9/') }), 409, 'built_in_agent');
    await expectProblem(await request('/v1/agents/echo', { method: 'PATCH', json: { name: 'mine' } }), 409, 'built_in_agent');

    const unusable = wordCounter('unusable', 'http://127.0.0.1:9/');
    unusable.task_types['text.count'].input_schema = { type: 'object', properties: { text: { type: 'no-such-type' } } } as never;
    const refused = await expectProblem(await request('/v1/agents', { method: 'POST', json: unusable }), 400, 'validation_failed');
    expect(refused.errors!.map((error) => error.field)).toEqual(['task_types.text.count.input_schema']);

    const patched = await request('/v1/agents/schema-check', { method: 'PATCH', json: { name: 'Renamed' } });
    expect(((await patched.json()) as { name: string }).name).toBe('Renamed');
    expect((await request('/v1/agents/schema-check', { method: 'DELETE' })).status).toBe(204);
    await expectProblem(await request('/v1/agents/schema-check'), 404, 'not_found');
  });
});

describe('a remote agent in Python', () => {
  it('is the README\'s example, word for word', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`python\n${fs.readFileSync(PYTHON_AGENT, 'utf8')}\`\`\``);
  });

  it('completes a task with its progress, artifact and output recorded', async () => {
    const agent = await startPythonAgent();
    await register(wordCounter('word-counter', agent.endpoint));
    const taskId = await createTask('word-counter', { text: 'hello remote world' });

    const task = await settled(taskId, 'complete');
    expect(task.output).toEqual({ upper: 'HELLO REMOTE WORLD', attempt: 1 });
    const events = await eventsOf(taskId);
    expect(events.find((event) => event.type === 'task.progress')?.data).toMatchObject({ fraction: 0.5, message: 'counting words' });
    const artifacts = (await (await request(`/v1/tasks/${taskId}/artifacts`)).json()) as { artifacts: { type: string; display_name: string; data: unknown }[] };
    expect(artifacts.artifacts).toEqual([expect.objectContaining({ type: 'text.stats', display_name: 'Word count', data: { words: 3 } })]);
  });

  it('dispatches again after the heartbeat window when the agent dies mid-task, and then completes', async () => {
    const first = await startPythonAgent();
    await register(wordCounter('mortal-counter', first.endpoint));
    const taskId = await createTask('mortal-counter', { text: 'one two', work_seconds: 3 });
    await eventually(async () => ((await eventsOf(taskId)).some((event) => event.type === 'task.progress') ? true : undefined), 'the first attempt to report progress');
    first.process.kill('SIGKILL');
    // A replacement, elsewhere: the registration follows it.
    const second = await startPythonAgent();
    expect((await request('/v1/agents/mortal-counter', { method: 'PATCH', json: { endpoint: second.endpoint } })).status).toBe(200);

    const task = await settled(taskId, 'complete');
    expect(task.output).toEqual({ upper: 'ONE TWO', attempt: 2 });
    // One execution: the retry is a second attempt of it, not a new run.
    expect(task.executions).toHaveLength(1);
  });
});

describe('callbacks', () => {
  /** An agent that only records its dispatches, so the test makes the callbacks itself. */
  async function recordingAgent(slug: string) {
    const receiver = await WebhookReceiver.start(() => 202);
    receivers.push(receiver);
    await register({ ...wordCounter(slug, receiver.url), task_types: { ...wordCounter(slug, '').task_types, 'text.count': { ...wordCounter(slug, '').task_types['text.count'], heartbeat_timeout_ms: 20_000 } } });
    return receiver;
  }

  async function dispatchOf(receiver: WebhookReceiver, taskId: string) {
    const received = await eventually(() => receiver.received.find((delivery) => delivery.body.includes(taskId)), 'the dispatch');
    return { ...received, dispatch: JSON.parse(received.body) as { task_id: string; execution_id: string; callback_url: string; callback_token: string; attempt: number } };
  }

  const callback = (url: string, token: string, body?: unknown) =>
    fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('signs the dispatch, refuses forged tokens, and refuses a replayed completion', async () => {
    const receiver = await recordingAgent('recorder');
    const taskId = await createTask('recorder', { text: 'sign me' });
    const { headers, body, dispatch } = await dispatchOf(receiver, taskId);
    expect(headers['x-taskwright-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
    expect(dispatch).toMatchObject({ task_id: taskId, task_type: 'text.count', input: { text: 'sign me' }, messages: [], attempt: 1 });

    await expectProblem(await callback(`${dispatch.callback_url}/progress`, 'forged-token', { fraction: 0.1 }), 401, 'unauthorized');
    await expectProblem(await callback(`${dispatch.callback_url}/complete`, `${dispatch.callback_token}x`, { output: {} }), 401, 'unauthorized');
    const state = await callback(dispatch.callback_url, dispatch.callback_token);
    expect(await state.json()).toMatchObject({ task_id: taskId, execution_id: dispatch.execution_id, status: 'running', cancel_requested: false, approval: null });
    await expectProblem(await callback(`${dispatch.callback_url}/artifacts`, dispatch.callback_token, { type: 'undeclared', display_name: 'x', data: {} }), 400, 'validation_failed');

    const completion = { output: { done: true } };
    expect((await callback(`${dispatch.callback_url}/complete`, dispatch.callback_token, completion)).status).toBe(202);
    await expectProblem(await callback(`${dispatch.callback_url}/complete`, dispatch.callback_token, completion), 401, 'unauthorized');
    await expectProblem(await callback(`${dispatch.callback_url}/heartbeat`, dispatch.callback_token, {}), 401, 'unauthorized');
    expect((await settled(taskId, 'complete')).output).toEqual({ done: true });
  });

  it('waits in awaiting_approval and tells the agent the decision on its next heartbeat', async () => {
    const receiver = await recordingAgent('asker');
    const taskId = await createTask('asker', { text: 'may I?' });
    const { dispatch } = await dispatchOf(receiver, taskId);
    const artifact = await callback(`${dispatch.callback_url}/artifacts`, dispatch.callback_token, { type: 'text.stats', display_name: 'Draft', data: { words: 2 } });
    expect(artifact.status).toBe(201);
    const asked = await callback(`${dispatch.callback_url}/approval`, dispatch.callback_token, { title: 'Publish the count?' });
    expect(asked.status).toBe(202);
    await settled(taskId, 'awaiting_approval');
    const pending = (await (await callback(`${dispatch.callback_url}/heartbeat`, dispatch.callback_token, {})).json()) as { approval: { approval_id: string; status: string } };
    expect(pending.approval).toMatchObject({ status: 'pending' });
    // The artifact reported before the question is recorded with it.
    const artifacts = (await (await request(`/v1/tasks/${taskId}/artifacts`)).json()) as { artifacts: { type: string }[] };
    expect(artifacts.artifacts.map((item) => item.type)).toEqual(['text.stats']);

    const approvals = (await (await request(`/v1/approvals?task_id=${taskId}`)).json()) as { approvals: { approval_id: string }[] };
    const approvalId = approvals.approvals[0]!.approval_id;
    expect((await request(`/v1/approvals/${approvalId}/approve`, { method: 'POST', json: { comment: 'go ahead' } })).status).toBe(200);
    const decided = await eventually(async () => {
      const state = (await (await callback(`${dispatch.callback_url}/heartbeat`, dispatch.callback_token, {})).json()) as { approval: { status: string; comment: string } };
      return state.approval.status === 'approved' ? state : undefined;
    }, 'the decision to reach the agent');
    expect(decided.approval).toEqual({ approval_id: approvalId, status: 'approved', comment: 'go ahead' });
    expect((await callback(`${dispatch.callback_url}/complete`, dispatch.callback_token, { output: { published: true } })).status).toBe(202);
    expect((await settled(taskId, 'complete')).output).toEqual({ published: true });
  });

  it('takes file artifacts as raw bytes and as multipart, and records them with the completion', async () => {
    const receiver = await recordingAgent('filer');
    const taskId = await createTask('filer', { text: 'files' });
    const { dispatch } = await dispatchOf(receiver, taskId);
    const auth = { authorization: `Bearer ${dispatch.callback_token}` };
    const csv = 'word,count\nfiles,1\n';
    const raw = await fetch(`${dispatch.callback_url}/artifacts?type=text.stats&display_name=counts.csv`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: csv });
    expect(raw.status).toBe(201);
    const form = new FormData();
    form.append('file', new Blob(['# Counts\n'], { type: 'text/markdown' }), 'counts.md');
    const multipart = await fetch(`${dispatch.callback_url}/artifacts?type=text.stats&display_name=counts.md`, { method: 'POST', headers: auth, body: form });
    expect(multipart.status).toBe(201);
    await expectProblem(
      await fetch(`${dispatch.callback_url}/artifacts?type=undeclared&display_name=x.csv`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: csv }),
      400,
      'validation_failed',
    );
    expect((await callback(`${dispatch.callback_url}/complete`, dispatch.callback_token, { output: { files: 2 } })).status).toBe(202);
    await settled(taskId, 'complete');

    const { artifacts } = (await (await request(`/v1/tasks/${taskId}/artifacts`)).json()) as {
      artifacts: { display_name: string; mime_type: string; size_bytes: number; signed_url: string }[];
    };
    expect(artifacts.map((artifact) => [artifact.display_name, artifact.mime_type, artifact.size_bytes]).sort()).toEqual([
      ['counts.csv', 'text/csv', Buffer.byteLength(csv)],
      ['counts.md', 'text/markdown', 9],
    ]);
    const signed = new URL(artifacts.find((artifact) => artifact.display_name === 'counts.csv')!.signed_url);
    const download = await fetch(`${stack.baseUrl}${signed.pathname}${signed.search}`);
    expect(await download.text()).toBe(csv);
  });

  it('fails the task when a file artifact would take the tenant beyond its storage quota, keeping none of it', async () => {
    const own = await stack.newTenant();
    const receiver = await WebhookReceiver.start(() => 202);
    receivers.push(receiver);
    const asOwn = (route: string, init: Parameters<TestStack['request']>[1] = {}) => stack.request(route, { apiKey: own.apiKey, ...init });
    expect((await asOwn('/v1/agents', { method: 'POST', json: wordCounter('hoarder', receiver.url) })).status).toBe(201);
    const created = await asOwn('/v1/tasks', { method: 'POST', json: { agent: 'hoarder', input: { text: 'big' } } });
    const taskId = ((await created.json()) as { task_id: string }).task_id;
    const { dispatch } = await dispatchOf(receiver, taskId);
    const upload = (name: string, bytes: number) =>
      fetch(`${dispatch.callback_url}/artifacts?type=text.stats&display_name=${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${dispatch.callback_token}`, 'content-type': 'text/plain' },
        body: 'x'.repeat(bytes),
      });
    // Reported artifacts are not stored rows until the completion: each one alone fits.
    expect((await upload('first.txt', STORAGE_QUOTA / 2)).status).toBe(201);
    expect((await callback(`${dispatch.callback_url}/complete`, dispatch.callback_token, { output: {} })).status).toBe(202);
    await eventually(async () => ((await (await asOwn(`/v1/tasks/${taskId}`)).json()) as { status: string }).status === 'complete' || undefined, 'the first task');

    const second = await asOwn('/v1/tasks', { method: 'POST', json: { agent: 'hoarder', input: { text: 'bigger' } } });
    const secondId = ((await second.json()) as { task_id: string }).task_id;
    const next = (await dispatchOf(receiver, secondId)).dispatch;
    const refused = await fetch(`${next.callback_url}/artifacts?type=text.stats&display_name=second.txt`, {
      method: 'POST',
      headers: { authorization: `Bearer ${next.callback_token}`, 'content-type': 'text/plain' },
      body: 'y'.repeat(STORAGE_QUOTA / 2 + 1),
    });
    await expectProblem(refused, 413, 'storage_quota_exceeded');
    const failed = await eventually(async () => {
      const task = (await (await asOwn(`/v1/tasks/${secondId}`)).json()) as { status: string; error: { code: string } | null };
      return task.status === 'failed' ? task : undefined;
    }, 'the second task to fail');
    expect(failed.error).toMatchObject({ code: 'storage_quota_exceeded' });
    // The token ended with the execution.
    await expectProblem(await callback(`${next.callback_url}/heartbeat`, next.callback_token, {}), 401, 'unauthorized');
    const { artifacts } = (await (await asOwn('/v1/artifacts')).json()) as { artifacts: { display_name: string }[] };
    expect(artifacts.map((artifact) => artifact.display_name)).toEqual(['first.txt']);
  });

  it('tells the agent of a cancellation in the heartbeat answer, and then refuses its token', async () => {
    const receiver = await recordingAgent('cancellable');
    const taskId = await createTask('cancellable', { text: 'never mind' });
    const { dispatch } = await dispatchOf(receiver, taskId);
    await settled(taskId, 'running');
    expect((await request(`/v1/tasks/${taskId}/cancel`, { method: 'POST' })).status).toBe(202);
    const told = await eventually(async () => {
      const state = (await (await callback(`${dispatch.callback_url}/heartbeat`, dispatch.callback_token, {})).json()) as { cancel_requested: boolean };
      return state.cancel_requested ? state : undefined;
    }, 'cancel_requested');
    expect(told.cancel_requested).toBe(true);
    await settled(taskId, 'cancelled');
    await expectProblem(await callback(`${dispatch.callback_url}/heartbeat`, dispatch.callback_token, {}), 401, 'unauthorized');
  });
});
