import fs from 'node:fs';
import path from 'node:path';
import type { RetentionReport } from '../../activities/purge-expired-artifacts';
import { ensureRetentionSchedule, retentionScheduleId } from '../../lib/temporal/retention-schedule';
import { expectProblem } from '../support/problem';
import { type TestStack, type TestTenant, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function runTask(tenant: TestTenant, input: Record<string, unknown>, until = 'complete') {
  const created = await stack.request('/v1/tasks', { method: 'POST', apiKey: tenant.apiKey, json: { agent: 'echo', input } });
  const { task_id } = (await created.json()) as { task_id: string };
  await waitForTask(stack, task_id, (task) => task.status === until, { apiKey: tenant.apiKey });
  return task_id;
}

const runRetention = () =>
  stack.temporal.workflow.execute<() => Promise<RetentionReport>>('retentionWorkflow', {
    taskQueue: stack.taskQueue,
    workflowId: `retention-test-${Date.now()}-${Math.random()}`,
  });

describe('retention settings', () => {
  it('defaults to 90 days and 7 days, and an admin key changes them for existing artifacts too', async () => {
    const tenant = await stack.newTenant();
    expect(await (await stack.request('/v1/retention', { apiKey: tenant.apiKey })).json()).toEqual({ artifact_retention_days: 90, draft_expiry_days: 7 });
    const taskId = await runTask(tenant, {});
    const [artifact] = await stack.db.artifact.findMany({ where: { taskId } });
    expect(artifact!.expiresAt!.getTime() - artifact!.createdAt.getTime()).toBe(90 * 86_400_000);

    const updated = await stack.request('/v1/retention', { method: 'PUT', apiKey: tenant.apiKey, json: { artifact_retention_days: 1, draft_expiry_days: 2 } });
    expect(await updated.json()).toEqual({ artifact_retention_days: 1, draft_expiry_days: 2 });
    const [shortened] = await stack.db.artifact.findMany({ where: { taskId } });
    expect(shortened!.expiresAt!.getTime() - shortened!.createdAt.getTime()).toBe(86_400_000);

    await stack.request('/v1/retention', { method: 'PUT', apiKey: tenant.apiKey, json: { artifact_retention_days: null } });
    expect((await stack.db.artifact.findFirstOrThrow({ where: { taskId } })).expiresAt).toBeNull();
  });

  it('answers 400 for bad values and 403 for a member key', async () => {
    const tenant = await stack.newTenant();
    const bad = await expectProblem(await stack.request('/v1/retention', { method: 'PUT', apiKey: tenant.apiKey, json: { artifact_retention_days: 0 } }), 400, 'validation_failed');
    expect(bad.errors?.[0]?.field).toBe('artifact_retention_days');
    await expectProblem(await stack.request('/v1/retention', { method: 'PUT', apiKey: tenant.apiKey, json: {} }), 400, 'validation_failed');
    const member = await stack.request('/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, json: { name: 'member' } });
    const memberKey = ((await member.json()) as { key: string }).key;
    await expectProblem(await stack.request('/v1/retention', { method: 'PUT', apiKey: memberKey, json: { draft_expiry_days: 3 } }), 403, 'forbidden');
  });
});

describe('the retention workflow', () => {
  it('purges an expired artifact with its content, leaves a fresh one, expires stale drafts, and is safe to run twice', async () => {
    const tenant = await stack.newTenant();
    const old = await runTask(tenant, { emit_file: { display_name: 'old.bin', size_bytes: 32 } });
    const fresh = await runTask(tenant, { emit_file: { display_name: 'fresh.bin', size_bytes: 32 } });
    const drafting = await runTask(tenant, { emit_draft: { to: 'a@example.com', subject: 's', body: 'b' } }, 'awaiting_approval');
    await stack.db.$executeRaw`UPDATE artifacts SET created_at = now() - interval '100 days', expires_at = now() - interval '10 days' WHERE task_id = ${old}`;
    // Requested 8 days ago: its approval ran out a day ago.
    await stack.db.$executeRaw`UPDATE artifacts SET created_at = now() - interval '8 days' WHERE task_id = ${drafting}`;
    await stack.db.$executeRaw`UPDATE approvals SET requested_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE task_id = ${drafting}`;
    const oldFiles = (await stack.db.artifact.findMany({ where: { taskId: old } })).map((artifact) => artifact.id);
    const oldDir = path.join(stack.config.artifactDir, tenant.tenantId, old);
    expect(fs.readdirSync(oldDir)).toHaveLength(1);

    const first = await runRetention();
    expect(first.purged).toEqual(expect.arrayContaining(oldFiles));
    const draft = await stack.db.artifact.findFirstOrThrow({ where: { taskId: drafting, type: 'echo.email_draft' } });
    expect(first.expiredDrafts).toContain(draft.id);
    expect(draft.approvalStatus).toBe('expired');
    expect(await stack.db.artifact.count({ where: { taskId: old } })).toBe(0);
    expect(fs.readdirSync(oldDir)).toEqual([]);
    expect(await stack.db.artifact.count({ where: { taskId: fresh } })).toBe(2);

    const second = await runRetention();
    expect(second.purged.filter((id) => oldFiles.includes(id))).toEqual([]);
    expect(second.expiredDrafts).not.toContain(draft.id);

    // A draft that expired cannot be approved any more, by either route, and is never sent.
    const approval = await stack.db.approval.findFirstOrThrow({ where: { artifactId: draft.id } });
    for (const route of [`/v1/approvals/${approval.id}/approve`, `/v1/artifacts/${draft.id}/approve`]) {
      await expectProblem(await stack.request(route, { method: 'POST', apiKey: tenant.apiKey, json: {} }), 409, 'approval_not_pending', {
        current_status: 'expired',
      });
    }
    await stack.request(`/v1/tasks/${drafting}/cancel`, { method: 'POST', apiKey: tenant.apiKey });
    await waitForTask(stack, drafting, (task) => task.status === 'cancelled', { apiKey: tenant.apiKey });
    expect(await stack.db.outboxMessage.count({ where: { idempotencyKey: draft.id } })).toBe(0);
  });

  it("expires a draft when its approval runs out, the workflow's clock, not by a draft expiry changed since", async () => {
    const tenant = await stack.newTenant();
    const drafting = await runTask(tenant, { emit_draft: { to: 'b@example.com', subject: 's', body: 'b' } }, 'awaiting_approval');
    // Requested two days ago under the 7-day default; the tenant has shortened it to 1 day since.
    await stack.db.$executeRaw`UPDATE artifacts SET created_at = now() - interval '2 days' WHERE task_id = ${drafting}`;
    await stack.db.$executeRaw`UPDATE approvals SET requested_at = now() - interval '2 days', expires_at = now() + interval '5 days' WHERE task_id = ${drafting}`;
    await stack.request('/v1/retention', { method: 'PUT', apiKey: tenant.apiKey, json: { draft_expiry_days: 1 } });

    const report = await runRetention();
    const draft = await stack.db.artifact.findFirstOrThrow({ where: { taskId: drafting, type: 'echo.email_draft' } });
    expect(report.expiredDrafts).not.toContain(draft.id);
    expect(draft.approvalStatus).toBe('pending');
    // Still open, as the workflow says: approving it sends it.
    const approval = await stack.db.approval.findFirstOrThrow({ where: { artifactId: draft.id } });
    expect((await stack.request(`/v1/approvals/${approval.id}/approve`, { method: 'POST', apiKey: tenant.apiKey, json: {} })).status).toBe(200);
    await waitForTask(stack, drafting, (task) => task.status === 'complete', { apiKey: tenant.apiKey });
    expect(await stack.db.artifact.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ approvalStatus: 'approved', effectAppliedAt: expect.any(Date) });
    expect(await stack.db.outboxMessage.count({ where: { idempotencyKey: draft.id } })).toBe(1);
  });

  it('is scheduled once per task queue, however many workers ensure it', async () => {
    const options = { taskQueue: stack.taskQueue, intervalMs: 3_600_000 };
    await ensureRetentionSchedule(stack.temporal, options);
    await ensureRetentionSchedule(stack.temporal, options);
    const handle = stack.temporal.schedule.getHandle(retentionScheduleId(stack.taskQueue));
    try {
      const schedule = await handle.describe();
      expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'retentionWorkflow', taskQueue: stack.taskQueue });
      expect(schedule.spec.intervals).toEqual([expect.objectContaining({ every: 3_600_000 })]);
    } finally {
      await handle.delete();
    }
  });
});
