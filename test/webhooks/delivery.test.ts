import crypto from 'crypto';
import pino from 'pino';
import { sequenceEvents } from '../../lib/db/task-events';
import { EventFeed } from '../../lib/events/feed';
import { WebhookDispatcher, claimFirstAttempts, materializeDeliveries } from '../../lib/webhooks/dispatcher';
import { appendEvents, seedTask } from '../support/events';
import { eventually } from '../support/eventually';
import { type TestStack, type TestTenant, startStack } from '../support/stack';
import { WebhookReceiver } from '../support/webhook-receiver';
import { webhookSecretBoxFor } from '../../lib/webhooks/secret-box';

// Exactly the seed's receiver code (Events API, "Webhooks").
function verifyWebhook(payload: string, signature: string, secret: string) {
  const expected = crypto
    .createHmac('sha256', secret)
    .update(payload)
    .digest('hex');
  return `sha256=${expected}` === signature;
}

// The README's verifier of X-Taskwright-Signature, which also refuses replays older than 5 minutes.
function verifyTimestampedWebhook(payload: string, header: string, secret: string, nowSeconds = Date.now() / 1000) {
  const { t, v1 } = Object.fromEntries(header.split(',').map((part) => part.split('=', 2))) as { t?: string; v1?: string };
  if (!t || !v1 || Math.abs(nowSeconds - Number(t)) > 300) return false;
  const expected = crypto.createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex');
  return expected.length === v1.length && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(v1));
}

interface Delivery {
  delivery_id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempt_count: number;
  next_attempt_at: string | null;
  redelivery_of: string | null;
  attempts: { attempt: number; started_at: string; status_code: number | null; latency_ms: number; error: string | null; next_attempt_at: string | null }[];
}

let stack: TestStack;
let tenant: TestTenant;
const receivers: WebhookReceiver[] = [];
const SECRET = 'whsec_test_0123456789abcdef';

beforeAll(async () => {
  stack = await startStack({
    env: { OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_INITIAL_MS: '100', WEBHOOK_RETRY_MAX_INTERVAL_MS: '400', WEBHOOK_TIMEOUT_MS: '5000' },
    ownDatabase: true,
  });
  tenant = await stack.newTenant();
});
afterAll(async () => {
  for (const receiver of receivers) await receiver.close();
  await stack?.stop();
});

async function receiver(respond?: Parameters<typeof WebhookReceiver.start>[0]): Promise<WebhookReceiver> {
  const started = await WebhookReceiver.start(respond);
  receivers.push(started);
  return started;
}

async function subscribe(url: string, events: string[]): Promise<string> {
  const response = await stack.request('/v1/webhooks', { method: 'POST', apiKey: tenant.apiKey, json: { url, events, secret: SECRET } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { webhook_id: string }).webhook_id;
}

async function deliveries(webhookId: string): Promise<Delivery[]> {
  const response = await stack.request(`/v1/webhooks/${webhookId}/deliveries?limit=100`, { apiKey: tenant.apiKey });
  expect(response.status).toBe(200);
  return ((await response.json()) as { deliveries: Delivery[] }).deliveries;
}

describe('webhook delivery', () => {
  it("signs every delivery so the seed's verifyWebhook accepts it; task.* bodies carry the full task record", async () => {
    const hooks = await receiver();
    const webhookId = await subscribe(hooks.url, ['task.created', 'task.complete']);
    const created = await stack.request('/v1/tasks', { method: 'POST', apiKey: tenant.apiKey, json: { agent: 'echo', task_type: 'echo', input: { message: 'hi' } } });
    const { task_id: taskId } = (await created.json()) as { task_id: string };

    const complete = await eventually(
      () => [...hooks.accepted().values()].find((delivery) => delivery.headers['x-ariftly-event-type'] === 'task.complete'),
      'task.complete to be delivered',
    );
    for (const delivery of hooks.received) {
      expect(verifyWebhook(delivery.body, String(delivery.headers['x-ariftly-signature']), SECRET)).toBe(true);
      expect(verifyWebhook(delivery.body, String(delivery.headers['x-ariftly-signature']), 'another secret')).toBe(false);
      const timestamped = String(delivery.headers['x-taskwright-signature']);
      expect(timestamped).toMatch(new RegExp(`^t=${delivery.headers['x-ariftly-timestamp']},v1=[0-9a-f]{64}$`));
      expect(verifyTimestampedWebhook(delivery.body, timestamped, SECRET)).toBe(true);
      expect(verifyTimestampedWebhook(delivery.body, timestamped, 'another secret')).toBe(false);
      // Replayed ten minutes later, or with its time changed, it no longer verifies.
      expect(verifyTimestampedWebhook(delivery.body, timestamped, SECRET, Date.now() / 1000 + 600)).toBe(false);
      expect(verifyTimestampedWebhook(delivery.body, timestamped.replace(/^t=(\d+)/, (_, t: string) => `t=${Number(t) + 1}`), SECRET)).toBe(false);
    }
    const body = JSON.parse(complete.body) as Record<string, unknown> & { task: Record<string, unknown> & { artifacts: { artifact_id: string }[] } };
    expect(complete.headers['content-type']).toBe('application/json');
    expect(complete.headers['x-ariftly-event-id']).toBe(body.event_id);
    expect(Number(complete.headers['x-ariftly-timestamp'])).toBeGreaterThan(1_700_000_000);
    expect(body).toMatchObject({ type: 'task.complete', task_id: taskId, tenant_id: tenant.tenantId, agent: 'echo', seq: expect.any(Number) });
    expect(body.task).toMatchObject({ task_id: taskId, status: 'complete', output: { message: 'hi' } });
    expect(body.task.artifacts).toEqual([{ artifact_id: expect.stringMatching(/^art_/), type: 'echo.result', created_at: expect.any(String) }]);

    // Only the subscribed types: task.created and task.complete, one delivery each.
    const logged = await eventually(async () => {
      const all = await deliveries(webhookId);
      return all.length === 2 && all.every((delivery) => delivery.status === 'succeeded') ? all : undefined;
    }, 'both deliveries to succeed');
    expect(logged.map((delivery) => delivery.event_type).sort()).toEqual(['task.complete', 'task.created']);
    expect(hooks.received.map((delivery) => delivery.headers['x-ariftly-event-type']).sort()).toEqual(['task.complete', 'task.created']);
  });

  it('retries a failing receiver with backoff and logs every attempt', async () => {
    const hooks = await receiver(({ priorAttempts }) => (priorAttempts < 2 ? 500 : 200));
    const webhookId = await subscribe(hooks.url, ['task.progress']);
    const owner = await seedTask(stack.db, tenant.tenantId);
    const [eventId] = await appendEvents(stack.db, owner, ['task.progress']);

    const [delivery] = await eventually(async () => {
      const all = await deliveries(webhookId);
      return all[0]?.status === 'succeeded' ? all : undefined;
    }, 'the delivery to succeed on its third attempt');
    expect(delivery).toMatchObject({ event_id: eventId, event_type: 'task.progress', attempt_count: 3, next_attempt_at: null, redelivery_of: null });
    expect(delivery!.attempts.map(({ attempt, status_code, error }) => [attempt, status_code, error])).toEqual([
      [1, 500, 'HTTP 500'],
      [2, 500, 'HTTP 500'],
      [3, 200, null],
    ]);
    expect(delivery!.attempts.map((attempt) => attempt.next_attempt_at === null)).toEqual([false, false, true]);
    expect(delivery!.attempts.every((attempt) => attempt.latency_ms >= 0)).toBe(true);
    expect(hooks.received.map((received) => received.headers['x-ariftly-event-id'])).toEqual([eventId, eventId, eventId]);

    // Redeliver: a new delivery of the same event (same event ID, for de-duplication).
    const redeliver = await stack.request(`/v1/webhooks/${webhookId}/deliveries/${delivery!.delivery_id}/redeliver`, { method: 'POST', apiKey: tenant.apiKey });
    expect(redeliver.status).toBe(202);
    const redelivery = (await redeliver.json()) as Delivery;
    expect(redelivery).toMatchObject({ event_id: eventId, redelivery_of: delivery!.delivery_id, status: 'pending' });
    await eventually(() => (hooks.received.length === 4 ? true : undefined), 'the redelivery');
    expect(hooks.received[3]!.body).toBe(hooks.received[2]!.body);
    expect(verifyWebhook(hooks.received[3]!.body, String(hooks.received[3]!.headers['x-ariftly-signature']), SECRET)).toBe(true);
  });

  it('delivers everything to a receiver that was down for a while once it is back', async () => {
    const hooks = await receiver();
    const webhookId = await subscribe(hooks.url, ['task.progress', 'task.complete']);
    await hooks.close();
    const owner = await seedTask(stack.db, tenant.tenantId);
    const eventIds = [
      ...(await appendEvents(stack.db, owner, ['task.progress', 'task.progress'])),
      ...(await appendEvents(stack.db, owner, ['task.complete'])),
    ];

    // Every delivery has failed at least once: the receiver refused connections.
    const failing = await eventually(async () => {
      const all = await deliveries(webhookId);
      return all.length === 3 && all.every((delivery) => delivery.attempts.length > 0) ? all : undefined;
    }, 'every delivery to fail once');
    expect(failing.every((delivery) => delivery.attempts[0]!.status_code === null && /ECONNREFUSED/.test(delivery.attempts[0]!.error!))).toBe(true);

    await hooks.listen();
    await eventually(() => (hooks.accepted().size === 3 ? true : undefined), 'all three events to arrive');
    expect([...hooks.accepted().keys()].sort()).toEqual([...eventIds].sort());
  });

  it('delivers each event once per webhook however many dispatchers run, each with one first attempt and no workflow', async () => {
    const hooks = await receiver();
    const webhookIds = [await subscribe(hooks.url, ['task.progress']), await subscribe(hooks.url, ['task.progress'])];
    const secondFeed = new EventFeed({ db: stack.db, listenUrl: stack.databaseUrl, pollIntervalMs: 100, logger: pino({ level: 'silent' }) });
    await secondFeed.start();
    const second = new WebhookDispatcher({
      db: stack.db,
      temporal: stack.temporal,
      feed: secondFeed,
      config: stack.config,
      delivery: { timeoutMs: stack.config.WEBHOOK_TIMEOUT_MS, allowPrivateNetworks: true, secrets: webhookSecretBoxFor(stack.config) },
      logger: pino({ level: 'silent' }),
      sweepIntervalMs: 100,
    });
    await second.start();
    const eventIds: string[] = [];
    try {
      const owner = await seedTask(stack.db, tenant.tenantId);
      // One by one (each a wake-up both dispatchers race for) and in bursts.
      for (let index = 0; index < 10; index++) eventIds.push(...(await appendEvents(stack.db, owner, ['task.progress'])));
      for (let index = 0; index < 3; index++) eventIds.push(...(await appendEvents(stack.db, owner, Array<'task.progress'>(10).fill('task.progress'))));
      await eventually(() => (hooks.accepted().size === eventIds.length ? true : undefined), 'every event to arrive');
      // Count only once nothing can post any more: a delivery logged succeeded is never attempted again.
      await eventually(async () => {
        const succeeded = await stack.db.webhookDelivery.count({ where: { webhookId: { in: webhookIds }, status: 'succeeded' } });
        return succeeded === 2 * eventIds.length ? true : undefined;
      }, 'every delivery to be logged succeeded');
    } finally {
      // Waits for its loops in flight: it attempts nothing after this.
      await second.stop();
      await secondFeed.stop();
    }
    for (const webhookId of webhookIds) {
      const rows = await stack.db.webhookDelivery.findMany({ where: { webhookId }, include: { attempts: true } });
      expect(rows.map((row) => row.eventId).sort()).toEqual([...eventIds].sort());
      expect(rows.every((row) => row.attemptCount === 1 && row.attempts.length === 1 && row.launchedAt === null)).toBe(true);
    }
    // The receiver saw each event once per webhook: one first attempt each, by one dispatcher.
    const perDelivery = new Map<string, number>();
    for (const request of hooks.received) {
      const id = String(request.headers['x-ariftly-delivery-id']);
      perDelivery.set(id, (perDelivery.get(id) ?? 0) + 1);
    }
    expect(hooks.received).toHaveLength(2 * eventIds.length);
    expect([...perDelivery.values()].every((count) => count === 1)).toBe(true);
  });

  it('hands a delivery whose first attempt failed to its workflow, which retries it; the log shows both attempts', async () => {
    const hooks = await receiver(({ priorAttempts }) => (priorAttempts === 0 ? 503 : 200));
    const webhookId = await subscribe(hooks.url, ['task.complete']);
    const owner = await seedTask(stack.db, tenant.tenantId);
    const [eventId] = await appendEvents(stack.db, owner, ['task.complete']);

    const [delivery] = await eventually(async () => {
      const all = await deliveries(webhookId);
      return all[0]?.status === 'succeeded' ? all : undefined;
    }, 'the retry to succeed');
    expect(delivery!.attempts.map(({ attempt, status_code, error }) => [attempt, status_code, error])).toEqual([
      [1, 503, 'HTTP 503'],
      [2, 200, null],
    ]);
    // The first attempt announced the second, and the workflow made it no earlier than that.
    const [first, second] = delivery!.attempts;
    expect(Date.parse(second!.started_at)).toBeGreaterThanOrEqual(Date.parse(first!.next_attempt_at!));
    expect(hooks.received.map((request) => request.headers['x-ariftly-delivery-attempt'])).toEqual(['1', '2']);
    expect(hooks.received.every((request) => request.headers['x-ariftly-event-id'] === eventId)).toBe(true);
    expect(await stack.temporal.workflow.getHandle(delivery!.delivery_id).result()).toBe('delivered');
  });

  it('heals a delivery whose dispatcher died mid-attempt: once the claim runs out, its workflow delivers it', async () => {
    const hooks = await receiver();
    const webhookId = await subscribe(hooks.url, ['task.cancelled']);
    await stack.stopWorker();
    try {
      const owner = await seedTask(stack.db, tenant.tenantId);
      const [eventId] = await appendEvents(stack.db, owner, ['task.cancelled']);
      // A dispatcher materializes the delivery (once the event is sequenced, as its feed does
      // first), claims its first attempt and dies before posting.
      await sequenceEvents(stack.db);
      expect(await materializeDeliveries(stack.db, stack.config)).toEqual({ events: 1, deliveries: 1 });
      const claimed = await claimFirstAttempts(stack.db, 10, 1_000);
      expect(claimed.map((target) => [target.webhookId, target.eventId])).toEqual([[webhookId, eventId]]);
      // While the claim holds, nobody else makes that first attempt.
      expect(await claimFirstAttempts(stack.db, 10, 1_000)).toEqual([]);
    } finally {
      await stack.startWorker();
    }

    const [delivery] = await eventually(async () => {
      const all = await deliveries(webhookId);
      return all[0]?.status === 'succeeded' ? all : undefined;
    }, 'the healed delivery to succeed');
    expect(delivery!.attempts.map(({ attempt, status_code }) => [attempt, status_code])).toEqual([[1, 200]]);
    expect(hooks.received).toHaveLength(1);
    expect(await stack.temporal.workflow.getHandle(delivery!.delivery_id).result()).toBe('delivered');
  });
});
