import fs from 'node:fs';
import path from 'node:path';
import { SseClient } from '../support/sse';
import { waitForTask } from '../support/stack';
import { eventually } from '../support/eventually';
import { expectProblem } from '../support/problem';
import { type TestStack, type TestTenant, startStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({
    env: { TENANT_MAX_RUNNING_TASKS: '2', TENANT_MAX_QUEUED_TASKS: '3', SSE_MAX_CONNECTIONS_PER_KEY: '2', TENANT_MAX_WEBHOOKS: '2', TENANT_MAX_STORAGE_BYTES: '10000', OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' },
  });
});
afterAll(async () => {
  await stack?.stop();
});

const createLongTask = async (tenant: TestTenant) => {
  const response = await stack.request('/v1/tasks', { method: 'POST', apiKey: tenant.apiKey, json: { agent: 'echo', task_type: 'echo', input: { sleep_ms: 600_000 } } });
  return response;
};
const taskIdOf = async (response: Response) => {
  expect(response.status).toBe(202);
  return ((await response.json()) as { task_id: string }).task_id;
};
const statusOf = async (tenant: TestTenant, taskId: string) =>
  ((await (await stack.request(`/v1/tasks/${taskId}`, { apiKey: tenant.apiKey })).json()) as { status: string }).status;
const statusesOf = (tenant: TestTenant, taskIds: string[]) => Promise.all(taskIds.map((taskId) => statusOf(tenant, taskId)));
const cancelAll = (tenant: TestTenant, taskIds: string[]) =>
  Promise.all(taskIds.map((taskId) => stack.request(`/v1/tasks/${taskId}/cancel`, { method: 'POST', apiKey: tenant.apiKey, json: {} })));

describe('per-tenant limits', () => {
  it('runs at most TENANT_MAX_RUNNING_TASKS of a tenant at once; the rest wait queued, another tenant is unaffected', async () => {
    const busy = await stack.newTenant();
    const running = [await taskIdOf(await createLongTask(busy)), await taskIdOf(await createLongTask(busy))];
    await eventually(async () => ((await statusesOf(busy, running)).every((status) => status === 'running') ? true : undefined), 'two running tasks');
    const waiting = [await taskIdOf(await createLongTask(busy)), await taskIdOf(await createLongTask(busy))];

    const other = await stack.newTenant();
    const elsewhere = await taskIdOf(await createLongTask(other));
    await eventually(async () => ((await statusOf(other, elsewhere)) === 'running' ? true : undefined), "the other tenant's task to run");
    // Several sweeps of the starter later, the busy tenant's extra tasks still wait, unstarted.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await statusesOf(busy, waiting)).toEqual(['queued', 'queued']);
    expect(await stack.db.taskStart.count({ where: { taskId: { in: waiting } } })).toBe(2);

    // A slot frees: the oldest waiting task takes it, and only that one.
    await cancelAll(busy, [running[0]!]);
    await eventually(async () => ((await statusOf(busy, waiting[0]!)) === 'running' ? true : undefined), 'the first waiting task to run');
    expect(await statusOf(busy, waiting[1]!)).toBe('queued');

    // Beyond TENANT_MAX_QUEUED_TASKS waiting, creates are refused; other tenants still create.
    const queuedMore = [await taskIdOf(await createLongTask(busy)), await taskIdOf(await createLongTask(busy))];
    const refused = await createLongTask(busy);
    const problem = await expectProblem(refused, 429, 'too_many_queued_tasks', { limit: 3 });
    expect(problem.detail).toContain('3 tasks queued');
    expect(refused.headers.get('retry-after')).toBe('10');
    // A rerun creates a task too: held to the same limit.
    const rerun = await stack.request(`/v1/tasks/${running[1]}/rerun`, { method: 'POST', apiKey: busy.apiKey, json: {} });
    await expectProblem(rerun, 429, 'too_many_queued_tasks', { limit: 3 });
    expect(await stack.db.task.count({ where: { triggerType: 'rerun', triggerSource: running[1] } })).toBe(0);
    expect((await createLongTask(other)).status).toBe(202);

    await cancelAll(busy, [running[1]!, ...waiting, ...queuedMore]);
    await cancelAll(other, [elsewhere]);
  });

  it('opens at most SSE_MAX_CONNECTIONS_PER_KEY event streams per key; closing one makes room', async () => {
    const tenant = await stack.newTenant();
    const open = (apiKey: string) => SseClient.open(`${stack.baseUrl}/v1/events/stream`, { headers: { authorization: `Bearer ${apiKey}` } });
    const streams = [await open(tenant.apiKey), await open(tenant.apiKey)];
    expect(streams.map((stream) => stream.response.status)).toEqual([200, 200]);
    const third = await fetch(`${stack.baseUrl}/v1/events/stream`, { headers: { authorization: `Bearer ${tenant.apiKey}` } });
    const problem = await expectProblem(third, 429, 'too_many_streams', { limit: 2 });
    expect(problem.detail).toContain('2 event streams open');
    expect(third.headers.get('retry-after')).toBe('5');
    const otherTenant = await open((await stack.newTenant()).apiKey);
    expect(otherTenant.response.status).toBe(200);

    streams.shift()!.close();
    const reopened = await eventually(async () => {
      const attempt = await open(tenant.apiKey);
      if (attempt.response.status === 200) return attempt;
      attempt.close();
      return undefined;
    }, 'room for a new stream');
    for (const stream of [...streams, reopened, otherTenant]) stream.close();
  });

  it('keeps at most TENANT_MAX_WEBHOOKS subscriptions per tenant', async () => {
    const tenant = await stack.newTenant();
    const subscribe = () => stack.request('/v1/webhooks', { method: 'POST', apiKey: tenant.apiKey, json: { url: 'http://127.0.0.1:9/hook', events: ['task.created'], secret: 'a secret of some length' } });
    const first = await subscribe();
    expect((await subscribe()).status).toBe(201);
    await expectProblem(await subscribe(), 409, 'limit_reached', { limit: 2 });
    const { webhook_id } = (await first.json()) as { webhook_id: string };
    expect((await stack.request(`/v1/webhooks/${webhook_id}`, { method: 'DELETE', apiKey: tenant.apiKey })).status).toBe(204);
    expect((await subscribe()).status).toBe(201);
  });

  it("fails a task with storage_quota_exceeded when its file would take the tenant's stored content beyond TENANT_MAX_STORAGE_BYTES", async () => {
    const tenant = await stack.newTenant();
    const emitFile = (size: number) =>
      stack.request('/v1/tasks', { method: 'POST', apiKey: tenant.apiKey, json: { agent: 'echo', task_type: 'echo', input: { emit_file: { display_name: 'f.bin', mime_type: 'application/octet-stream', size_bytes: size } } } });
    const fits = await taskIdOf(await emitFile(6_000));
    expect((await waitForTask(stack, fits, (task) => task.status === 'complete' || task.status === 'failed', { apiKey: tenant.apiKey })).status).toBe('complete');

    const beyond = await taskIdOf(await emitFile(6_000));
    const failed = await waitForTask(stack, beyond, (task) => task.status === 'complete' || task.status === 'failed', { apiKey: tenant.apiKey });
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'storage_quota_exceeded', message: expect.stringContaining('beyond its 10000') } });
    // Nothing of the refused file is kept: one artifact file for the tenant, from the first task.
    expect(await stack.db.artifact.count({ where: { tenantId: tenant.tenantId, storagePath: { not: null } } })).toBe(1);
    const stored = fs.readdirSync(path.join(stack.config.artifactDir, tenant.tenantId), { recursive: true }).filter((entry) => String(entry).includes(beyond));
    expect(stored.filter((entry) => fs.statSync(path.join(stack.config.artifactDir, tenant.tenantId, String(entry))).isFile())).toEqual([]);
  });
});
