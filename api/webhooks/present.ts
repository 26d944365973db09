import type { Webhook, WebhookDelivery, WebhookDeliveryAttempt } from '../../lib/generated/prisma/client';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function presentWebhook(webhook: Webhook) {
  return {
    webhook_id: webhook.id,
    url: webhook.url,
    events: webhook.events,
    secret_hint: webhook.secretHint,
    // `failing`: a delivery used up its whole retry window; the next success makes it `active`.
    status: webhook.status,
    failing_since: iso(webhook.failingSince),
    created_at: webhook.createdAt.toISOString(),
  };
}

export function presentDelivery(delivery: WebhookDelivery & { attempts: WebhookDeliveryAttempt[] }) {
  return {
    delivery_id: delivery.id,
    webhook_id: delivery.webhookId,
    event_id: delivery.eventId,
    event_type: delivery.eventType,
    status: delivery.status,
    attempt_count: delivery.attemptCount,
    next_attempt_at: iso(delivery.nextAttemptAt),
    redelivery_of: delivery.redeliveryOf,
    created_at: delivery.createdAt.toISOString(),
    completed_at: iso(delivery.completedAt),
    attempts: delivery.attempts.map((attempt) => ({
      attempt: attempt.attempt,
      started_at: attempt.startedAt.toISOString(),
      status_code: attempt.statusCode,
      latency_ms: attempt.latencyMs,
      error: attempt.error,
      next_attempt_at: iso(attempt.nextAttemptAt),
    })),
  };
}
