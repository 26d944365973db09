import { createHash } from 'node:crypto';
import { ApiKeyLookup } from '../../lib/auth/api-keys';
import { type TestStack, type TestTenant, startStack, waitForTask } from '../support/stack';
import { eventually } from '../support/eventually';
import { type Problem, expectProblem } from '../support/problem';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});


interface IssuedKey {
  id: string;
  name: string;
  role: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  key: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Asserts `response` is a 401 problem with a Bearer challenge and returns the problem. */
async function expectUnauthorized(response: Response): Promise<Problem> {
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
  const problem = (await response.json()) as Problem;
  expect(problem).toMatchObject({ status: 401, code: 'unauthorized' });
  return problem;
}

async function issueKey(adminKey: string, body: { name: string; role?: 'admin' | 'member' | 'approver'; user_email?: string }): Promise<IssuedKey> {
  const response = await stack.request('/v1/api-keys', { method: 'POST', json: body, apiKey: adminKey });
  expect(response.status).toBe(201);
  return (await response.json()) as IssuedKey;
}

/** A cheap authenticated call any key may make: 404 for an unknown task means the key was accepted. */
async function probe(apiKey: string | null): Promise<Response> {
  return stack.request('/v1/tasks/task_does_not_exist', { apiKey });
}

describe('authentication', () => {
  it('answers 401 problem+json with a WWW-Authenticate challenge when Authorization is missing', async () => {
    const response = await stack.request('/v1/tasks/task_x', { apiKey: null });
    const problem = await expectUnauthorized(response);
    expect(problem.detail).toMatch(/Authorization/);
    expect(response.headers.get('www-authenticate')).toContain('realm="taskwright"');

    // Every /v1 route is behind authentication, including creates.
    const create = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' }, apiKey: null });
    await expectUnauthorized(create);
    await expectUnauthorized(await stack.request('/v1/api-keys', { apiKey: null }));
    await expectUnauthorized(await stack.request('/v1/tenants', { method: 'POST', json: { name: 'x' }, apiKey: null }));
  });

  it.each([
    ['Basic scheme', `Basic ${Buffer.from('user:pass').toString('base64')}`],
    ['Basic x', 'Basic x'],
    ['Bearer without a key', 'Bearer'],
    ['Bearer with two tokens', 'Bearer tw_a tw_b'],
    ['a bare key', 'tw_0123456789abcdefghijklmnopqrstuv'],
  ])('answers 401 for a malformed Authorization header (%s)', async (_label, authorization) => {
    const response = await stack.request('/v1/tasks/task_x', { apiKey: null, headers: { authorization } });
    const problem = await expectUnauthorized(response);
    expect(problem.detail).toMatch(/Malformed|Bearer/);
  });

  it('answers 401 for a well-formed but unknown key', async () => {
    await expectUnauthorized(await probe('tw_0123456789abcdefghijklmnopqrstuv'));
    // A near miss of a real key is just as unknown.
    await expectUnauthorized(await probe(`${stack.admin.apiKey}x`));
  });

  it('accepts the admin key, case-insensitively on the scheme', async () => {
    expect((await probe(stack.admin.apiKey)).status).toBe(404);
    const lower = await stack.request('/v1/tasks/task_x', { apiKey: null, headers: { authorization: `bearer ${stack.admin.apiKey}` } });
    expect(lower.status).toBe(404);
  });

  it('stops accepting a key once it is revoked', async () => {
    const member = await issueKey(stack.admin.apiKey, { name: 'to be revoked', role: 'member' });
    expect((await probe(member.key)).status).toBe(404);
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' }, apiKey: member.key });
    expect(created.status).toBe(202);

    const revoke = await stack.request(`/v1/api-keys/${member.id}`, { method: 'DELETE' });
    expect(revoke.status).toBe(200);
    const revoked = (await revoke.json()) as IssuedKey;
    expect(revoked).toMatchObject({ id: member.id, revoked_at: expect.any(String) });
    expect(revoked).not.toHaveProperty('key');

    const problem = await expectUnauthorized(await probe(member.key));
    expect(problem.detail).toMatch(/revoked/);
    await expectUnauthorized(
      await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' }, apiKey: member.key }),
    );

    // Revoking again keeps the first revocation time, and the key stays revoked.
    const again = await stack.request(`/v1/api-keys/${member.id}`, { method: 'DELETE' });
    expect(again.status).toBe(200);
    expect(((await again.json()) as IssuedKey).revoked_at).toBe(revoked.revoked_at);
    await expectUnauthorized(await probe(member.key));
  });

  it('is refused by every API process within a second of its revocation', async () => {
    const other = await stack.startApi();
    const member = await issueKey(stack.admin.apiKey, { name: 'revoked elsewhere', role: 'member' });
    // The other process has read (and may keep) the key as valid.
    expect((await other.request('/v1/tasks/task_does_not_exist', { apiKey: member.key })).status).toBe(404);

    expect((await stack.request(`/v1/api-keys/${member.id}`, { method: 'DELETE' })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const problem = await expectUnauthorized(await other.request('/v1/tasks/task_does_not_exist', { apiKey: member.key }));
    expect(problem.detail).toMatch(/revoked/);
  });

  it('records when a key was last used, at most once a minute per key and process', async () => {
    const member = await issueKey(stack.admin.apiKey, { name: 'use check', role: 'member' });
    const lookup = new ApiKeyLookup(stack.db, (error) => {
      throw error;
    });
    const record = (await lookup.find(member.key))!;
    await lookup.recordUse(record);
    const { lastUsedAt } = await stack.db.apiKey.findUniqueOrThrow({ where: { id: member.id } });
    expect(Date.now() - lastUsedAt!.getTime()).toBeLessThan(60_000);
    // Within the minute no further write: neither from this process nor from one that reads the
    // key afresh and finds the recent time.
    expect(lookup.recordUse(record)).toBeUndefined();
    const elsewhere = new ApiKeyLookup(stack.db, () => {});
    expect(elsewhere.recordUse((await elsewhere.find(member.key))!)).toBeUndefined();

    // Used through the API, a key shows when.
    const other = await issueKey(stack.admin.apiKey, { name: 'use check through the API', role: 'member' });
    expect((await probe(other.key)).status).toBe(404);
    await eventually(async () => {
      const { api_keys } = (await (await stack.request('/v1/api-keys')).json()) as { api_keys: IssuedKey[] };
      return api_keys.find((key) => key.id === other.id)?.last_used_at ?? undefined;
    }, 'last_used_at to be listed');
  });
});

describe('API keys', () => {
  it('returns the key once at creation and lists keys without the key or its hash', async () => {
    const issued = await issueKey(stack.admin.apiKey, { name: 'listing check' });
    expect(issued.key).toMatch(/^tw_[A-Za-z0-9_-]{16,}$/);
    expect(issued).toMatchObject({ id: expect.any(String), name: 'listing check', role: 'member', revoked_at: null, last_used_at: null });
    expect(issued.key.startsWith(issued.prefix)).toBe(true);
    expect(issued.prefix.length).toBeLessThan(issued.key.length);
    expect(issued).not.toHaveProperty('hash');

    const list = await stack.request('/v1/api-keys');
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).not.toContain(issued.key);
    expect(text).not.toContain(sha256(issued.key));
    expect(text).not.toContain(stack.admin.apiKey);
    const { api_keys } = JSON.parse(text) as { api_keys: Record<string, unknown>[] };
    const listed = api_keys.find((key) => key.id === issued.id);
    expect(listed).toMatchObject({ id: issued.id, name: 'listing check', role: 'member', prefix: issued.prefix });
    for (const key of api_keys) {
      expect(key).not.toHaveProperty('key');
      expect(key).not.toHaveProperty('hash');
    }
  });

  it('stores only the sha256 hash of a key, never the key itself', async () => {
    const issued = await issueKey(stack.admin.apiKey, { name: 'storage check', role: 'admin' });
    const row = await stack.db.apiKey.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row.hash).toBe(sha256(issued.key));
    expect(row.hash).not.toBe(issued.key);
    for (const [column, value] of Object.entries(row)) {
      if (typeof value === 'string') expect({ column, containsKey: value.includes(issued.key) }).toEqual({ column, containsKey: false });
    }
    // And straight from the table, whatever columns it has.
    const [raw] = await stack.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM api_keys WHERE id = ${issued.id}`;
    expect(raw).toBeDefined();
    expect(JSON.stringify(raw)).not.toContain(issued.key);
    // The prefix shown in listings is too short to be the key.
    expect(issued.key.length - row.prefix.length).toBeGreaterThanOrEqual(16);
  });

  it('answers 400 naming the fields of a bad create body', async () => {
    const response = await stack.request('/v1/api-keys', { method: 'POST', json: { name: '', role: 'owner' } });
    const problem = (await expectProblem(response, 400, 'validation_failed')) as Problem & { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['name', 'role']);
  });

  it('needs an admin key to create or list keys, or to create tenants', async () => {
    const member = await issueKey(stack.admin.apiKey, { name: 'member', role: 'member' });
    await expectProblem(await stack.request('/v1/api-keys', { method: 'POST', json: { name: 'escalate', role: 'admin' }, apiKey: member.key }), 403, 'forbidden');
    await expectProblem(await stack.request('/v1/api-keys', { apiKey: member.key }), 403, 'forbidden');
    await expectProblem(await stack.request(`/v1/api-keys/${member.id}`, { method: 'DELETE', apiKey: member.key }), 403, 'forbidden');
    // Even a member of the operator tenant cannot create tenants.
    await expectProblem(await stack.request('/v1/tenants', { method: 'POST', json: { name: 'nope' }, apiKey: member.key }), 403, 'forbidden');

    expect(await stack.db.apiKey.count({ where: { name: 'escalate' } })).toBe(0);
    expect(await stack.db.tenant.count({ where: { name: 'nope' } })).toBe(0);
    // The member key itself was neither revoked nor broken by the attempts.
    expect((await probe(member.key)).status).toBe(404);
  });
});

describe('roles', () => {
  const createTask = (apiKey: string, json: Record<string, unknown>) => stack.request('/v1/tasks', { method: 'POST', apiKey, json: { agent: 'echo', task_type: 'echo', ...json } });

  it('lets an approver key read and decide approvals, and nothing else', async () => {
    const approver = await issueKey(stack.admin.apiKey, { name: 'inbox', role: 'approver', user_email: 'approver@example.com' });
    await expectProblem(await createTask(approver.key, { input: { message: 'nope' } }), 403, 'forbidden');
    const { task_id } = (await (await createTask(stack.admin.apiKey, { input: { message: 'ship it', require_approval: true } })).json()) as { task_id: string };
    await expectProblem(await stack.request(`/v1/tasks/${task_id}/cancel`, { method: 'POST', apiKey: approver.key, json: {} }), 403, 'forbidden');

    const approval = await eventually(async () => {
      const listed = await stack.request(`/v1/approvals?status=pending&task_id=${task_id}`, { apiKey: approver.key });
      expect(listed.status).toBe(200);
      return ((await listed.json()) as { approvals: { approval_id: string }[] }).approvals[0];
    }, 'the pending approval');
    expect((await stack.request(`/v1/tasks/${task_id}`, { apiKey: approver.key })).status).toBe(200);
    const decided = await stack.request(`/v1/approvals/${approval.approval_id}/approve`, { method: 'POST', apiKey: approver.key, json: { comment: 'ok' } });
    expect(decided.status).toBe(200);
    expect(await decided.json()).toMatchObject({ status: 'approved', decided_by: 'approver@example.com' });
  });

  it('keeps permanent deletes and other owners to admin keys', async () => {
    const member = await issueKey(stack.admin.apiKey, { name: 'member', role: 'member', user_email: 'member@example.com' });
    const other = await createTask(member.key, { input: { message: 'x' }, owner_email: 'someone-else@example.com' });
    await expectProblem(other, 403, 'forbidden', { field: 'owner_email' });
    // Naming itself as the owner is no escalation.
    expect((await createTask(member.key, { input: { message: 'x' }, owner_email: 'member@example.com' })).status).toBe(202);
    const owned = await createTask(stack.admin.apiKey, { input: { message: 'x' }, owner_email: 'someone-else@example.com' });
    expect(await owned.json()).toMatchObject({ owner_email: 'someone-else@example.com' });

    const { task_id } = (await (await createTask(member.key, { input: { message: 'done soon' } })).json()) as { task_id: string };
    await waitForTask(stack, task_id, (task) => task.status === 'complete');
    await expectProblem(await stack.request(`/v1/tasks/${task_id}`, { method: 'DELETE', apiKey: member.key }), 403, 'forbidden');
    expect((await stack.request(`/v1/tasks/${task_id}`, { apiKey: member.key })).status).toBe(200);
    expect(await (await stack.request(`/v1/tasks/${task_id}`, { method: 'DELETE' })).json()).toMatchObject({ deleted: true });
  });
});

describe('tenants', () => {
  it('lets only the operator tenant create tenants', async () => {
    const other = await stack.newTenant();
    const name = `denied ${Date.now()}`;
    await expectProblem(await stack.request('/v1/tenants', { method: 'POST', json: { name }, apiKey: other.apiKey }), 403, 'forbidden');
    expect(await stack.db.tenant.count({ where: { name } })).toBe(0);
  });

  it('creates a tenant with a working first admin key for the operator admin', async () => {
    const name = `acme ${Date.now()}`;
    const response = await stack.request('/v1/tenants', { method: 'POST', json: { name } });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { tenant: { tenant_id: string; name: string; created_at: string }; api_key: IssuedKey };
    expect(body.tenant).toMatchObject({ tenant_id: expect.any(String), name, created_at: expect.any(String) });
    expect(body.api_key).toMatchObject({ role: 'admin', key: expect.stringMatching(/^tw_/), revoked_at: null });

    const tenant = await stack.db.tenant.findUniqueOrThrow({ where: { id: body.tenant.tenant_id } });
    expect(tenant.operator).toBe(false);
    const row = await stack.db.apiKey.findUniqueOrThrow({ where: { id: body.api_key.id } });
    expect(row).toMatchObject({ tenantId: tenant.id, role: 'admin', hash: sha256(body.api_key.key) });

    // The key works, and belongs to the new tenant.
    const keys = await stack.request('/v1/api-keys', { apiKey: body.api_key.key });
    expect(keys.status).toBe(200);
    const { api_keys } = (await keys.json()) as { api_keys: { id: string }[] };
    expect(api_keys.map((key) => key.id)).toEqual([body.api_key.id]);
    const task = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' }, apiKey: body.api_key.key });
    expect(task.status).toBe(202);
    const { task_id } = (await task.json()) as { task_id: string };
    expect((await stack.db.task.findUniqueOrThrow({ where: { id: task_id } })).tenantId).toBe(tenant.id);

    // A tenant created this way is not an operator.
    await expectProblem(await stack.request('/v1/tenants', { method: 'POST', json: { name: 'grandchild' }, apiKey: body.api_key.key }), 403, 'forbidden');
  });

  it('answers 400 for a tenant without a name', async () => {
    const response = await stack.request('/v1/tenants', { method: 'POST', json: {} });
    const problem = (await expectProblem(response, 400, 'validation_failed')) as Problem & { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field)).toEqual(['name']);
  });
});

describe('tenant isolation', () => {
  let a: TestTenant;
  let b: TestTenant;
  beforeAll(async () => {
    a = await stack.newTenant();
    b = await stack.newTenant();
  });

  async function cancelRequestCount(taskId: string): Promise<number> {
    const history = await stack.temporal.workflow.getHandle(taskId).fetchHistory();
    return (history.events ?? []).filter((event) => event.workflowExecutionCancelRequestedEventAttributes != null).length;
  }

  it("hides a tenant's running task from another tenant: GET, cancel and DELETE are 404 and change nothing", async () => {
    const created = await stack.request('/v1/tasks', {
      method: 'POST',
      json: { agent: 'echo', task_type: 'echo', input: { sleep_ms: 60_000 } },
      apiKey: a.apiKey,
    });
    expect(created.status).toBe(202);
    const { task_id } = (await created.json()) as { task_id: string };
    try {
      await waitForTask(stack, task_id, (task) => task.status === 'running', { apiKey: a.apiKey });

      await expectProblem(await stack.request(`/v1/tasks/${task_id}`, { apiKey: b.apiKey }), 404, 'not_found');
      await expectProblem(await stack.request(`/v1/tasks/${task_id}?consistency=strong`, { apiKey: b.apiKey }), 404, 'not_found');
      await expectProblem(await stack.request(`/v1/tasks/${task_id}/cancel`, { method: 'POST', apiKey: b.apiKey }), 404, 'not_found');
      await expectProblem(await stack.request(`/v1/tasks/${task_id}`, { method: 'DELETE', apiKey: b.apiKey }), 404, 'not_found');

      // A's task is untouched: still there, still running, and no cancellation reached Temporal
      // (the API answers only after its Temporal calls return, so the history already holds any).
      expect(await cancelRequestCount(task_id)).toBe(0);
      const seen = await stack.request(`/v1/tasks/${task_id}`, { apiKey: a.apiKey });
      expect(seen.status).toBe(200);
      expect(await seen.json()).toMatchObject({ task_id, status: 'running' });
      expect((await stack.db.task.findUniqueOrThrow({ where: { id: task_id } })).status).toBe('running');
    } finally {
      // Clean up with A's own key.
      await stack.request(`/v1/tasks/${task_id}/cancel`, { method: 'POST', apiKey: a.apiKey });
    }
    expect((await waitForTask(stack, task_id, (task) => ['complete', 'failed', 'cancelled'].includes(task.status), { apiKey: a.apiKey })).status).toBe('cancelled');
    // The run is closed, so its history is final: A's cancellation is the only one it ever got.
    expect(await cancelRequestCount(task_id)).toBe(1);
  });

  it("does not let another tenant delete a tenant's finished task", async () => {
    const created = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo' }, apiKey: a.apiKey });
    const { task_id } = (await created.json()) as { task_id: string };
    await waitForTask(stack, task_id, (task) => task.status === 'complete', { apiKey: a.apiKey });

    await expectProblem(await stack.request(`/v1/tasks/${task_id}`, { method: 'DELETE', apiKey: b.apiKey }), 404, 'not_found');
    await expectProblem(await stack.request(`/v1/tasks/${task_id}/cancel`, { method: 'POST', apiKey: b.apiKey }), 404, 'not_found');
    const seen = await stack.request(`/v1/tasks/${task_id}`, { apiKey: a.apiKey });
    expect(seen.status).toBe(200);
    expect(await seen.json()).toMatchObject({ task_id, status: 'complete' });
  });

  it('refuses a key revoking itself, so nobody locks themselves out by mistake', async () => {
    const second = await issueKey(a.apiKey, { name: 'second admin', role: 'admin' });
    await expectProblem(await stack.request(`/v1/api-keys/${second.id}`, { method: 'DELETE', apiKey: second.key }), 409, 'own_key', { api_key_id: second.id });
    expect((await probe(second.key)).status).toBe(404);
    expect((await stack.request(`/v1/api-keys/${second.id}`, { method: 'DELETE', apiKey: a.apiKey })).status).toBe(200);
    await expectUnauthorized(await probe(second.key));
  });

  it("keeps a tenant's API keys out of another tenant's reach", async () => {
    const aKey = await issueKey(a.apiKey, { name: 'a member', role: 'member' });

    const bList = await stack.request('/v1/api-keys', { apiKey: b.apiKey });
    expect(bList.status).toBe(200);
    const bIds = ((await bList.json()) as { api_keys: { id: string }[] }).api_keys.map((key) => key.id);
    expect(bIds).not.toContain(aKey.id);
    const bRows = await stack.db.apiKey.findMany({ where: { tenantId: b.tenantId }, select: { id: true } });
    expect(bIds.sort()).toEqual(bRows.map((row) => row.id).sort());

    await expectProblem(await stack.request(`/v1/api-keys/${aKey.id}`, { method: 'DELETE', apiKey: b.apiKey }), 404, 'not_found');
    expect((await stack.db.apiKey.findUniqueOrThrow({ where: { id: aKey.id } })).revokedAt).toBeNull();
    expect((await probe(aKey.key)).status).toBe(404);

    // Nor can the operator revoke another tenant's key through its own /v1/api-keys.
    await expectProblem(await stack.request(`/v1/api-keys/${aKey.id}`, { method: 'DELETE' }), 404, 'not_found');
    expect((await probe(aKey.key)).status).toBe(404);

    // A's key listing shows it, and A can revoke it.
    const aList = (await (await stack.request('/v1/api-keys', { apiKey: a.apiKey })).json()) as { api_keys: { id: string }[] };
    expect(aList.api_keys.map((key) => key.id)).toContain(aKey.id);
    expect((await stack.request(`/v1/api-keys/${aKey.id}`, { method: 'DELETE', apiKey: a.apiKey })).status).toBe(200);
    await expectUnauthorized(await probe(aKey.key));
  });
});
