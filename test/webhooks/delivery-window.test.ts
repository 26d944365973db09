import { appendEvents, seedTask } from '../support/events';
import { eventually } from '../support/eventually';
import { type TestStack, startStack } from '../support/stack';
import { WebhookReceiver } from '../support/webhook-receiver';

let stack: TestStack;
let receiver: WebhookReceiver;
let healthy = false;

beforeAll(async () => {
  // A retry window of zero: the first failed attempt is also the last.
  stack = await startStack({ env: { OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_WINDOW_MS: '0' }, ownDatabase: true });
  receiver = await WebhookReceiver.start(() => (healthy ? 204 : 503));
});
afterAll(async () => {
  await receiver?.close();
  await stack?.stop();
});

describe('a webhook failing for its whole retry window', () => {
  it('is marked failing with the failed delivery in its log, and recovers on the next success', async () => {
    const tenant = await stack.newTenant();
    const created = await stack.request('/v1/webhooks', {
      method: 'POST',
      apiKey: tenant.apiKey,
      json: { url: receiver.url, events: ['task.failed'], secret: 'a-long-enough-secret' },
    });
    const { webhook_id: webhookId } = (await created.json()) as { webhook_id: string };
    const owner = await seedTask(stack.db, tenant.tenantId);
    const [eventId] = await appendEvents(stack.db, owner, ['task.failed']);

    const webhook = await eventually(async () => {
      const response = await stack.request(`/v1/webhooks/${webhookId}`, { apiKey: tenant.apiKey });
      const body = (await response.json()) as { status: string; failing_since: string | null };
      return body.status === 'failing' ? body : undefined;
    }, 'the webhook to be marked failing');
    expect(webhook.failing_since).toEqual(expect.any(String));
    const log = await stack.request(`/v1/webhooks/${webhookId}/deliveries`, { apiKey: tenant.apiKey });
    const { deliveries } = (await log.json()) as { deliveries: { delivery_id: string; status: string; event_id: string; attempts: object[] }[] };
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      event_id: eventId,
      status: 'failed',
      next_attempt_at: null,
      completed_at: expect.any(String),
      attempts: [{ attempt: 1, status_code: 503, error: 'HTTP 503', next_attempt_at: null, latency_ms: expect.any(Number), started_at: expect.any(String) }],
    });

    healthy = true;
    const redeliver = await stack.request(`/v1/webhooks/${webhookId}/deliveries/${deliveries[0]!.delivery_id}/redeliver`, { method: 'POST', apiKey: tenant.apiKey });
    expect(redeliver.status).toBe(202);
    const recovered = await eventually(async () => {
      const response = await stack.request(`/v1/webhooks/${webhookId}`, { apiKey: tenant.apiKey });
      const body = (await response.json()) as { status: string; failing_since: string | null };
      return body.status === 'active' ? body : undefined;
    }, 'the webhook to be active again');
    expect(recovered.failing_since).toBeNull();
    expect(receiver.accepted().has(eventId!)).toBe(true);
  });
});
