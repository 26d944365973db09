import { createHmac } from 'node:crypto';
import { startDocumentServer } from '../support/document-server';
import { expectProblem } from '../support/problem';
import { type TestStack, type TestTenant, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  // Attachments given by URL come from a loopback document server.
  stack = await startStack({ env: { OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' } });
});
afterAll(async () => {
  await stack?.stop();
});

type Inbound = { message_id: string; matched: boolean; tasks: { rule_id: string; task_id: string }[]; attachments: string[] };
type Task = Record<string, unknown> & { status: string; input: Record<string, unknown>; output: Record<string, unknown> | null; trigger: Record<string, unknown>; error: { code: string } | null };

async function createRule(tenant: TestTenant, json: unknown): Promise<{ rule_id: string }> {
  const response = await stack.request('/v1/channel-rules', { method: 'POST', json, apiKey: tenant.apiKey });
  expect(response.status).toBe(201);
  return (await response.json()) as { rule_id: string };
}

async function send(tenant: TestTenant, channel: string, json: unknown): Promise<Inbound> {
  const response = await stack.request(`/v1/channels/${channel}/messages`, { method: 'POST', json, apiKey: tenant.apiKey });
  expect(response.status).toBe(202);
  return (await response.json()) as Inbound;
}

const sign = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function signedPost(channel: string, body: string, headers: Record<string, string>) {
  return fetch(`${stack.baseUrl}/v1/channels/${channel}/messages`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
}

describe('inbound channels', () => {
  it('starts the task of a matching rule with the email text in its input', async () => {
    const tenant = await stack.newTenant();
    const rule = await createRule(tenant, {
      channel: 'email',
      match: { subject: 'INVOICE', from: '/@acme\\.com$/' },
      start: { agent: 'echo', input_template: { message: '{{from}} wrote "{{subject}}": {{text}}' } },
    });
    const answer = await send(tenant, 'email', { from: 'billing@acme.com', subject: 'Invoice 42', text: 'Please pay by Friday.' });
    expect(answer).toMatchObject({ matched: true, tasks: [{ rule_id: rule.rule_id, task_id: expect.stringMatching(/^task_/) }] });

    const task = (await waitForTask(stack, answer.tasks[0]!.task_id, (item) => item.status === 'complete', { apiKey: tenant.apiKey })) as Task;
    expect(task.output).toMatchObject({ message: 'billing@acme.com wrote "Invoice 42": Please pay by Friday.' });
    expect(task).toMatchObject({ title: 'Invoice 42', trigger: { type: 'channel', source_id: rule.rule_id, channel: 'email' } });

    // Neither the sender's domain nor the channel fits: stored, and nothing starts.
    const unmatched = await send(tenant, 'email', { from: 'someone@else.org', subject: 'Invoice 43', text: 'Hi' });
    expect(unmatched).toMatchObject({ matched: false, tasks: [] });
    const chat = await send(tenant, 'chat', { from: 'billing@acme.com', subject: 'Invoice', text: 'hi' });
    expect(chat.matched).toBe(false);
    const listed = (await (await stack.request('/v1/channels/email/messages', { apiKey: tenant.apiKey })).json()) as { messages: { message_id: string; matched: boolean }[] };
    expect(listed.messages.map((message) => [message.message_id, message.matched])).toEqual([
      [unmatched.message_id, false],
      [answer.message_id, true],
    ]);
  });

  it('stores attachments as files and hands their IDs to the task', async () => {
    const tenant = await stack.newTenant();
    await createRule(tenant, {
      channel: 'chat',
      match: { text: '/\\baudit\\b/i' },
      start: { agent: 'ai-readiness', task_type: 'ai_readiness.full_audit', input_template: { scope: 'quick', source: { file_ids: '{{attachments}}' } } },
    });
    const security = '# Security policy\n\nWe run penetration tests, threat modelling and access control reviews every quarter.\n';
    const answer = await send(tenant, 'chat', {
      from: '@ana',
      text: 'Please AUDIT this',
      attachments: [{ name: 'SECURITY.md', mime_type: 'text/markdown', content_base64: Buffer.from(security).toString('base64') }],
    });
    expect(answer.attachments).toHaveLength(1);
    const file = await stack.db.file.findUniqueOrThrow({ where: { id: answer.attachments[0]! } });
    expect(file).toMatchObject({ tenantId: tenant.tenantId, name: 'SECURITY.md', purpose: 'channel_attachment', sizeBytes: BigInt(Buffer.byteLength(security)) });

    const task = (await waitForTask(stack, answer.tasks[0]!.task_id, (item) => item.status === 'complete', { apiKey: tenant.apiKey })) as Task;
    expect(task.input).toEqual({ scope: 'quick', focus_framework: 'eu_ai_act', source: { file_ids: answer.attachments } });
    const report = await stack.db.artifact.findFirstOrThrow({ where: { taskId: task.task_id as string, type: 'ai_readiness.audit_report' } });
    expect(JSON.stringify(report.data)).toContain('SECURITY.md');
  });

  it('fetches an attachment given by URL through the outbound fetcher, and answers 400 naming one it cannot fetch', async () => {
    const tenant = await stack.newTenant();
    const server = await startDocumentServer({ '/minutes.md': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/markdown' }).end('# Minutes') });
    try {
      const answer = await send(tenant, 'email', { from: 'a@b.c', text: 'see attached', attachments: [{ name: 'minutes.md', url: server.url('/minutes.md') }] });
      const file = await stack.db.file.findUniqueOrThrow({ where: { id: answer.attachments[0]! } });
      expect(file).toMatchObject({ name: 'minutes.md', mimeType: 'text/markdown', sizeBytes: 9n });
      const missing = await stack.request('/v1/channels/email/messages', {
        method: 'POST',
        json: { from: 'a@b.c', text: 'x', attachments: [{ name: 'gone.md', url: server.url('/gone.md') }] },
        apiKey: tenant.apiKey,
      });
      const problem = await expectProblem(missing, 400);
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'attachments.0.url' })]);
    } finally {
      await server.stop();
    }
  });

  it('accepts a relay signed with the channel secret and refuses a bad signature with 401', async () => {
    const tenant = await stack.newTenant();
    const secret = 'relay-secret-0123456789';
    const saved = await stack.request('/v1/channels/email', { method: 'PUT', json: { secret }, apiKey: tenant.apiKey });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ channel: 'email', secret_last4: '6789' });
    const rule = await createRule(tenant, { channel: 'email', match: { text: 'renewal' }, start: { agent: 'echo', input_template: { message: '{{text}}' } } });

    const body = JSON.stringify({ from: 'crm@vendor.example', text: 'Contract renewal due' });
    const signed = await signedPost('email', body, { 'x-taskwright-tenant': tenant.tenantId, 'x-taskwright-signature': sign(secret, body) });
    expect(signed.status).toBe(202);
    const answer = (await signed.json()) as Inbound;
    expect(answer.tasks).toEqual([{ rule_id: rule.rule_id, task_id: expect.any(String) }]);
    const task = (await waitForTask(stack, answer.tasks[0]!.task_id, (item) => item.status === 'complete', { apiKey: tenant.apiKey })) as Task;
    expect(task.output).toMatchObject({ message: 'Contract renewal due' });

    const before = await stack.db.channelMessage.count({ where: { tenantId: tenant.tenantId } });
    await expectProblem(await signedPost('email', body, { 'x-taskwright-tenant': tenant.tenantId, 'x-taskwright-signature': sign('another-secret-000000', body) }), 401, 'invalid_signature');
    const tampered = body.replace('renewal', 'cancellation');
    await expectProblem(await signedPost('email', tampered, { 'x-taskwright-tenant': tenant.tenantId, 'x-taskwright-signature': sign(secret, body) }), 401, 'invalid_signature');
    // The chat channel has no secret of its own.
    await expectProblem(await signedPost('chat', body, { 'x-taskwright-tenant': tenant.tenantId, 'x-taskwright-signature': sign(secret, body) }), 401, 'invalid_signature');
    await expectProblem(await signedPost('email', body, { 'x-taskwright-signature': sign(secret, body) }), 401, 'invalid_signature');
    await expectProblem(await signedPost('email', body, {}), 401, 'unauthorized');
    expect(await stack.db.channelMessage.count({ where: { tenantId: tenant.tenantId } })).toBe(before);
  });

  it('records a failed task when the rendered input does not fit the agent', async () => {
    const tenant = await stack.newTenant();
    await createRule(tenant, { channel: 'chat', start: { agent: 'echo', input_template: { message: '{{text}}' } } });
    const answer = await send(tenant, 'chat', { from: '@bob', text: 'x'.repeat(10_001) });
    const task = (await (await stack.request(`/v1/tasks/${answer.tasks[0]!.task_id}`, { apiKey: tenant.apiKey })).json()) as Task;
    expect(task).toMatchObject({ status: 'failed', error: { code: 'channel_input_invalid' } });
  });
});

describe('channel rules', () => {
  it('refuses a bad regex, a template the agent refuses, and an unknown channel with 400', async () => {
    const tenant = await stack.newTenant();
    const post = (json: unknown) => stack.request('/v1/channel-rules', { method: 'POST', json, apiKey: tenant.apiKey });
    const regex = await expectProblem(await post({ channel: 'email', match: { subject: '/(unclosed/' }, start: { agent: 'echo', input_template: {} } }), 400);
    expect(regex.errors).toEqual([expect.objectContaining({ field: 'match.subject' })]);
    const template = await expectProblem(await post({ channel: 'email', start: { agent: 'echo' } }), 400);
    expect(template.errors).toEqual([expect.objectContaining({ field: 'start.input_template', message: expect.stringContaining('{from, subject, text, attachments}') })]);
    const channel = await expectProblem(await post({ channel: 'fax', start: { agent: 'echo', input_template: {} } }), 400);
    expect(channel.errors).toEqual([expect.objectContaining({ field: 'channel' })]);
    await expectProblem(await stack.request('/v1/channels/fax/messages', { method: 'POST', json: { from: 'a', text: 'b' }, apiKey: tenant.apiKey }), 400);
  });

  it('lists and deletes rules per tenant', async () => {
    const tenant = await stack.newTenant();
    const other = await stack.newTenant();
    const rule = await createRule(tenant, { channel: 'email', start: { agent: 'echo', input_template: {} } });
    const listed = (await (await stack.request('/v1/channel-rules', { apiKey: other.apiKey })).json()) as { channel_rules: unknown[] };
    expect(listed.channel_rules).toEqual([]);
    await expectProblem(await stack.request(`/v1/channel-rules/${rule.rule_id}`, { method: 'DELETE', apiKey: other.apiKey }), 404);
    expect((await stack.request(`/v1/channel-rules/${rule.rule_id}`, { method: 'DELETE', apiKey: tenant.apiKey })).status).toBe(200);
    const answer = await send(tenant, 'email', { from: 'a@b.c', text: 'anything' });
    expect(answer.matched).toBe(false);
  });
});
