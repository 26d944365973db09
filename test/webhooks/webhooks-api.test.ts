import { webhookSecretBoxFor } from '../../lib/webhooks/secret-box';
import { issueApiKey } from '../../lib/auth/api-keys';
import { type Problem, expectProblem } from '../support/problem';
import { type TestStack, type TestTenant, startStack } from '../support/stack';

let stack: TestStack;
let tenant: TestTenant;
let other: TestTenant;

const seedBody = { url: 'https://your-system.com/hooks/ariftly', events: ['task.complete', 'task.failed'], secret: 'your_webhook_secret' };

async function create(body: unknown, apiKey = tenant.apiKey) {
  return stack.request('/v1/webhooks', { method: 'POST', apiKey, json: body });
}

/** A 400 validation problem naming exactly these fields. */
async function expectInvalid(response: Response, fields: string[]): Promise<Problem> {
  const problem = await expectProblem(response, 400, 'validation_failed');
  expect(problem.errors?.map((error) => error.field)).toEqual(fields);
  return problem;
}

/** A 404 for this very thing, not for a route that does not exist. */
async function expectNotFound(response: Response, what: string): Promise<void> {
  expect((await expectProblem(response, 404, 'not_found')).detail).toBe(`${what} not found`);
}

beforeAll(async () => {
  stack = await startStack({ worker: false });
  tenant = await stack.newTenant();
  other = await stack.newTenant();
});
afterAll(async () => {
  await stack?.stop();
});

describe('/v1/webhooks', () => {
  it("creates a subscription from the seed's body and never returns the secret", async () => {
    const response = await create(seedBody);
    expect(response.status).toBe(201);
    const webhook = (await response.json()) as Record<string, unknown>;
    expect(webhook).toEqual({
      webhook_id: expect.stringMatching(/^whk_/),
      url: seedBody.url,
      events: seedBody.events,
      secret_hint: '…cret',
      status: 'active',
      failing_since: null,
      created_at: expect.any(String),
    });
    expect(response.headers.get('location')).toBe(`/v1/webhooks/${webhook.webhook_id}`);
    expect(JSON.stringify(webhook)).not.toContain(seedBody.secret);
    // At rest the secret is sealed: the row holds no trace of it, and only the key opens it.
    const row = await stack.db.webhook.findUniqueOrThrow({ where: { id: webhook.webhook_id as string } });
    expect(row.secret).toMatch(/^tws1\./);
    expect(row.secret).not.toContain(seedBody.secret);
    expect(Buffer.from(row.secret.split('.').slice(2).join(''), 'base64url').toString('latin1')).not.toContain(seedBody.secret);
    expect(webhookSecretBoxFor(stack.config).open(row.secret)).toBe(seedBody.secret);

    const got = await stack.request(`/v1/webhooks/${webhook.webhook_id}`, { apiKey: tenant.apiKey });
    expect(await got.json()).toEqual(webhook);
    const listed = await stack.request('/v1/webhooks', { apiKey: tenant.apiKey });
    expect(((await listed.json()) as { webhooks: unknown[] }).webhooks).toContainEqual(webhook);
    const deliveries = await stack.request(`/v1/webhooks/${webhook.webhook_id}/deliveries`, { apiKey: tenant.apiKey });
    expect(await deliveries.json()).toEqual({ deliveries: [], next_cursor: null });
  });

  it('deletes a subscription', async () => {
    const { webhook_id: id } = (await (await create(seedBody)).json()) as { webhook_id: string };
    expect((await stack.request(`/v1/webhooks/${id}`, { method: 'DELETE', apiKey: tenant.apiKey })).status).toBe(204);
    await expectNotFound(await stack.request(`/v1/webhooks/${id}`, { apiKey: tenant.apiKey }), `Webhook ${id}`);
    await expectNotFound(await stack.request(`/v1/webhooks/${id}`, { method: 'DELETE', apiKey: tenant.apiKey }), `Webhook ${id}`);
  });

  it.each([
    [{}, ['url', 'events', 'secret']],
    [{ ...seedBody, url: 'not a url' }, ['url']],
    [{ ...seedBody, events: [] }, ['events']],
    [{ ...seedBody, events: ['task.complete', 'task.exploded'] }, ['events.1']],
    [{ ...seedBody, events: ['task.complete', 'task.complete'] }, ['events']],
    [{ ...seedBody, secret: 'short' }, ['secret']],
    [{ ...seedBody, extra: true }, ['']],
  ])('answers 400 naming the fields of %j', async (body, fields) => {
    await expectInvalid(await create(body), fields);
  });

  it.each([
    'ftp://example.com/hook',
    'http://127.0.0.1:8080/hook',
    'http://localhost:3000/hook',
    'http://10.0.0.5/hook',
    'http://192.168.1.10/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[fd00:ec2::254]/latest/meta-data/',
  ])('refuses the target %s with 400 naming url', async (url) => {
    await expectInvalid(await create({ ...seedBody, url }), ['url']);
  });

  it('takes an admin key to create, delete or redeliver', async () => {
    const { key } = await issueApiKey(stack.db, { tenantId: tenant.tenantId, name: 'member', role: 'member' });
    await expectProblem(await create(seedBody, key), 403, 'forbidden');
    const { webhook_id: id } = (await (await create(seedBody)).json()) as { webhook_id: string };
    await expectProblem(await stack.request(`/v1/webhooks/${id}`, { method: 'DELETE', apiKey: key }), 403, 'forbidden');
    await expectProblem(await stack.request(`/v1/webhooks/${id}/deliveries/dlv_any/redeliver`, { method: 'POST', apiKey: key }), 403, 'forbidden');
    expect((await stack.request(`/v1/webhooks/${id}`, { apiKey: key })).status).toBe(200);
    expect(await stack.db.webhook.count({ where: { id } })).toBe(1);
  });

  it("keeps tenants apart: another tenant can neither see nor change a tenant's webhooks", async () => {
    const { webhook_id: id } = (await (await create(seedBody)).json()) as { webhook_id: string };
    const theirs = (path: string, method = 'GET') => stack.request(path, { method, apiKey: other.apiKey });
    expect(await (await theirs('/v1/webhooks')).json()).toEqual({ webhooks: [] });
    await expectNotFound(await theirs(`/v1/webhooks/${id}`), `Webhook ${id}`);
    await expectNotFound(await theirs(`/v1/webhooks/${id}/deliveries`), `Webhook ${id}`);
    await expectNotFound(await theirs(`/v1/webhooks/${id}/deliveries/dlv_x/redeliver`, 'POST'), `Webhook ${id}`);
    await expectNotFound(await theirs(`/v1/webhooks/${id}`, 'DELETE'), `Webhook ${id}`);
    expect((await stack.request(`/v1/webhooks/${id}`, { apiKey: tenant.apiKey })).status).toBe(200);
  });

  it('answers 400 for a malformed deliveries cursor or limit, 404 for an unknown delivery, 405 for a wrong method', async () => {
    const { webhook_id: id } = (await (await create(seedBody)).json()) as { webhook_id: string };
    await expectInvalid(await stack.request(`/v1/webhooks/${id}/deliveries?cursor=nope`, { apiKey: tenant.apiKey }), ['cursor']);
    await expectInvalid(await stack.request(`/v1/webhooks/${id}/deliveries?limit=1000`, { apiKey: tenant.apiKey }), ['limit']);
    await expectNotFound(await stack.request(`/v1/webhooks/${id}/deliveries/dlv_unknown/redeliver`, { method: 'POST', apiKey: tenant.apiKey }), 'Delivery dlv_unknown');
    await expectProblem(await stack.request(`/v1/webhooks/${id}`, { method: 'PUT', apiKey: tenant.apiKey, json: seedBody }), 405, 'method_not_allowed');
  });
});
