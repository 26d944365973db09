import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createWebhookActivities } from '../../activities/deliver-webhook';
import { type Activities } from '../../activities';
import { createAgentServices } from '../../activities/agent-services';
import { createTriggerFiring } from '../../activities/fire-triggers';
import { createRunAgent } from '../../activities/run-agent';
import { builtInAgents } from '../../agents/registry';
import { loadConfig } from '../../lib/config';
import { type Database, Prisma, createDatabase } from '../../lib/db/client';
import { newId } from '../../lib/ids';
import { outboundFetcherFor } from '../../lib/outbound/fetch-url';
import { createLocalContentStore } from '../../lib/storage/local-content-store';
import { startTaskWorkflow } from '../../lib/temporal/start-task-workflow';
import { launchDelivery } from '../../lib/webhooks/start-delivery';
import type { ApprovalChange, ArtifactEffectRequest, TransitionRecord } from '../../workflows/model';
import type { taskWorkflow } from '../../workflows/task';
import type { webhookDeliveryWorkflow } from '../../workflows/webhook-delivery';
import { testEnvironment } from '../support/globals';
import { seedQueuedTask } from '../support/tenants';
import { startTimeSkippingEnvironment } from '../support/time-skipping';
import { WebhookReceiver } from '../support/webhook-receiver';
import { createWebhookSecretBox } from '../../lib/webhooks/secret-box';

// The waits that run for days in production, at their real lengths: the test server's clock
// jumps ahead whenever every workflow is waiting.
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

let env: TestWorkflowEnvironment;
let db: Database;
const artifactDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-artifacts-'));
beforeAll(async () => {
  env = await startTimeSkippingEnvironment();
  db = createDatabase(testEnvironment().databaseUrl, 2);
});
afterAll(async () => {
  await env?.teardown();
  await db?.$disconnect();
  fs.rmSync(artifactDir, { recursive: true, force: true });
});

/** Runs `body` while a worker on a queue of its own serves the test server with `activities`. */
async function withWorker<T>(activities: object, body: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `real-durations-${newId('task').slice(5).toLowerCase()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: testEnvironment().workflowBundle },
    activities,
  });
  return worker.runUntil(body(taskQueue));
}

/**
 * The task activities without the workflow's database writes: its transitions and applied
 * effects are kept in memory; the agent (echo) runs for real, and records its execution's start
 * and completion in the database itself.
 */
function inMemoryTaskActivities() {
  const transitions: TransitionRecord[] = [];
  const effects: ArtifactEffectRequest[] = [];
  const storage = createLocalContentStore(artifactDir);
  const activities: Pick<Activities, 'recordTransition' | 'runAgent' | 'applyArtifactEffect'> = {
    async recordTransition(record) {
      transitions.push(record);
      return { applied: true };
    },
    runAgent: createRunAgent({ db, agents: builtInAgents, storage, fireTriggers: createTriggerFiring({ agents: builtInAgents, limits: { maxQueued: loadConfig({}).TENANT_MAX_QUEUED_TASKS } }), services: createAgentServices({ db, storage, outbound: outboundFetcherFor(loadConfig({})) }), storageQuotaBytes: loadConfig({}).TENANT_MAX_STORAGE_BYTES }),
    async applyArtifactEffect(request) {
      effects.push(request);
      return { applied: true };
    },
  };
  const approvalChanges = () => transitions.flatMap((record) => (record.approval ? [record.approval] : []));
  return { activities, transitions, effects, approvalChanges };
}

/** Starts a task's workflow exactly as the task starter does: input, policy and draft expiry from its manifest and tenant. */
async function startTask(taskType: 'echo' | 'echo_best_effort', input: Record<string, unknown>, taskQueue: string, tenantDraftExpiryDays?: number) {
  const { tenant, task } = await seedQueuedTask(db, { taskType });
  const { draftExpiryDays } = tenantDraftExpiryDays === undefined
    ? tenant
    : await db.tenant.update({ where: { id: tenant.id }, data: { draftExpiryDays: tenantDraftExpiryDays } });
  const row = await db.task.update({ where: { id: task.id }, data: { input: input as Prisma.InputJsonObject } });
  await startTaskWorkflow({ temporal: env.client, agents: builtInAgents, config: { TASK_QUEUE: taskQueue } }, row, { draftExpiryDays });
  return env.client.workflow.getHandle<typeof taskWorkflow>(task.id);
}

/** How long the approval waited, from its request to its resolution (workflow time). */
function waited(changes: ApprovalChange[]): { timeoutMs: number; waitedMs: number; resolution: string } {
  const requested = changes.find((change) => change.kind === 'requested');
  const resolved = changes.find((change) => change.kind === 'resolved');
  if (requested?.kind !== 'requested' || resolved?.kind !== 'resolved') throw new Error(`No approval was requested and resolved: ${JSON.stringify(changes)}`);
  const requestedAt = Date.parse(requested.requestedAt);
  return { timeoutMs: Date.parse(requested.expiresAt) - requestedAt, waitedMs: Date.parse(resolved.decidedAt) - requestedAt, resolution: resolved.status };
}

/** The approval was asked with `timeoutMs` and expired then: not a moment sooner, and not noticeably later. */
function expectExpiredAfter(changes: ApprovalChange[], timeoutMs: number): void {
  const { timeoutMs: asked, waitedMs, resolution } = waited(changes);
  expect(asked).toBe(timeoutMs);
  expect(resolution).toBe('expired');
  expect(waitedMs).toBeGreaterThanOrEqual(timeoutMs);
  expect(waitedMs).toBeLessThan(timeoutMs + 60_000);
}

describe('an approval nobody answers, over the 7-day default', () => {
  it('expires after 7 days and fails the task with approval_expired (policy fail: echo)', async () => {
    const { activities, transitions, approvalChanges } = inMemoryTaskActivities();
    await withWorker(activities, async (taskQueue) => {
      const handle = await startTask('echo', { message: 'ship it', require_approval: true }, taskQueue);
      const failure = await handle.result().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(WorkflowFailedError);
      expect((failure as WorkflowFailedError).cause).toBeInstanceOf(ApplicationFailure);
      expect(((failure as WorkflowFailedError).cause as ApplicationFailure).type).toBe('approval_expired');
    });
    expectExpiredAfter(approvalChanges(), 7 * DAY_MS);
    expect(transitions.at(-1)).toMatchObject({ patch: { status: 'failed', error: { code: 'approval_expired' } } });
  });

  it('expires after 7 days and lets the task complete without it (policy continue: echo_best_effort)', async () => {
    const { activities, approvalChanges } = inMemoryTaskActivities();
    const snapshot = await withWorker(activities, async (taskQueue) => {
      const handle = await startTask('echo_best_effort', { message: 'ship it', require_approval: true }, taskQueue);
      return handle.result();
    });
    expect(snapshot.status).toBe('complete');
    expectExpiredAfter(approvalChanges(), 7 * DAY_MS);
    // The agent activity records the completion itself, in the database.
    expect(await db.task.findUniqueOrThrow({ where: { id: snapshot.taskId } })).toMatchObject({ status: 'complete', output: { approval: 'expired' } });
  });
});

describe('a gated draft nobody decides', () => {
  it("expires after the tenant's draft expiry (7 days by default) and never takes effect", async () => {
    const { activities, transitions, effects, approvalChanges } = inMemoryTaskActivities();
    const draft = { to: 'sam@example.com', subject: 'Hello', body: 'Never sent' };
    const snapshot = await withWorker(activities, async (taskQueue) => {
      const handle = await startTask('echo_best_effort', { emit_draft: draft }, taskQueue);
      return handle.result();
    });
    expect(snapshot.status).toBe('complete');
    expectExpiredAfter(approvalChanges(), 7 * DAY_MS);
    expect(effects).toEqual([]);
    const emitted = transitions.flatMap((record) => record.artifacts ?? []).find((artifact) => artifact.type === 'echo.email_draft');
    expect(emitted).toMatchObject({ approvalStatus: 'pending', data: draft });
    expect(await db.task.findUniqueOrThrow({ where: { id: snapshot.taskId } })).toMatchObject({ status: 'complete', output: { draft_artifact_id: emitted!.id } });
  });

  it("follows a tenant's own draft expiry rather than the approval timeout", async () => {
    const { activities, effects, approvalChanges } = inMemoryTaskActivities();
    await withWorker(activities, async (taskQueue) => {
      const handle = await startTask('echo_best_effort', { emit_draft: { to: 'sam@example.com', subject: 'Hi', body: 'b' } }, taskQueue, 3);
      return handle.result();
    });
    expectExpiredAfter(approvalChanges(), 3 * DAY_MS);
    expect(effects).toEqual([]);
  });
});

describe('a webhook delivery to a receiver that never recovers', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start(() => 503);
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('is retried with backoff over its whole 3-day window, then marked failed with its webhook failing', async () => {
    // The configuration's defaults: 30 s first wait, doubling up to 6 h, for 3 days.
    const config = loadConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
    expect([config.WEBHOOK_RETRY_INITIAL_MS, config.WEBHOOK_RETRY_MAX_INTERVAL_MS, config.WEBHOOK_RETRY_WINDOW_MS]).toEqual([30_000, 6 * HOUR_MS, 3 * DAY_MS]);
    const { tenant } = await seedQueuedTask(db);
    const secrets = createWebhookSecretBox(['a key for this test only, 32+ characters']);
    const webhook = await db.webhook.create({
      data: { id: newId('whk'), tenantId: tenant.id, url: receiver.url, events: ['task.failed'], secret: secrets.seal('a-long-enough-secret'), secretHint: '…', afterSeq: 0n },
    });
    // Launched already: the dispatchers of other test files (same database) must leave it alone.
    const delivery = await db.webhookDelivery.create({
      data: { id: newId('dlv'), tenantId: tenant.id, webhookId: webhook.id, eventId: newId('evt'), eventType: 'task.failed', payload: '{}', launchedAt: new Date() },
    });

    const activities = createWebhookActivities(db, { timeoutMs: config.WEBHOOK_TIMEOUT_MS, allowPrivateNetworks: true, secrets });
    const { outcome, startedAt } = await withWorker(activities, async (taskQueue) => {
      await launchDelivery(db, env.client, { ...config, TASK_QUEUE: taskQueue }, delivery.id);
      const handle = env.client.workflow.getHandle<typeof webhookDeliveryWorkflow>(delivery.id);
      return { outcome: await handle.result(), startedAt: (await handle.describe()).startTime.getTime() };
    });
    expect(outcome).toBe('failed');

    const attempts = await db.webhookDeliveryAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { attempt: 'asc' } });
    expect(attempts.map((attempt) => attempt.attempt)).toEqual(attempts.map((_, index) => index + 1));
    expect(attempts.every((attempt) => attempt.statusCode === 503)).toBe(true);
    expect(receiver.received).toHaveLength(attempts.length);
    // Each attempt but the last names the next one; the last names none.
    expect(attempts.map((attempt) => attempt.nextAttemptAt === null)).toEqual(attempts.map((_, index) => index === attempts.length - 1));
    const scheduled = attempts.slice(0, -1).map((attempt) => attempt.nextAttemptAt!.getTime());

    // Waits grow from 15–30 s (30 s with jitter) and double until they reach 6 h (3–6 h with jitter).
    const starts = [startedAt, ...scheduled];
    const waits = starts.slice(1).map((at, index) => at - starts[index]!);
    waits.forEach((wait, index) => {
      const capped = Math.min(6 * HOUR_MS, 30_000 * 2 ** index);
      expect(wait).toBeGreaterThanOrEqual(capped / 2 - 1_000);
      expect(wait).toBeLessThanOrEqual(capped + 1_000);
    });
    // The window is used to its end: the last attempt starts within its final 6 h, none after it
    // (the window opens with the workflow's first task, a moment after its start).
    const windowEnd = startedAt + 3 * DAY_MS;
    expect(starts.at(-1)!).toBeLessThanOrEqual(windowEnd + 1_000);
    expect(windowEnd - starts.at(-1)!).toBeLessThan(6 * HOUR_MS);

    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: 'failed',
      attemptCount: attempts.length,
      nextAttemptAt: null,
      completedAt: expect.any(Date),
    });
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({ status: 'failing', failingSince: expect.any(Date) });
  });
});
