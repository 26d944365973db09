import { log } from '@temporalio/activity';
import type { Database } from '../lib/db/client';
import {
  type WebhookDeliveryOptions,
  createDeliveryAttempter,
  failedDeliveryWarning,
  logDeliveryAttempts,
  outcomeOf,
} from '../lib/webhooks/attempt';
import type { DeliveryOutcome } from '../workflows/webhook-delivery';

export interface DeliveryAttempt {
  deliveryId: string;
  /** 1-based; together with the delivery ID it keys the delivery-log row. */
  attempt: number;
  /** When the workflow will try again if this attempt fails; null: this is the last one. */
  nextAttemptAt: string | null;
}

/** The webhook delivery activity, built from its dependencies like the task activities. */
export function createWebhookActivities(db: Database, options: WebhookDeliveryOptions) {
  const attemptDelivery = createDeliveryAttempter(options);

  /**
   * One attempt of a delivery, logged as one attempt row: the same attempt a dispatcher makes
   * first. Idempotent: an attempt already logged (the activity retried after writing it)
   * returns its recorded outcome without posting.
   */
  async function attemptWebhookDelivery({ deliveryId, attempt, nextAttemptAt }: DeliveryAttempt): Promise<DeliveryOutcome> {
    const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { webhook: true } });
    // Its webhook was deleted (deliveries go with it): nobody to deliver to.
    if (!delivery) return 'gone';
    if (delivery.status === 'succeeded') return 'delivered';
    if (delivery.status === 'failed') return 'failed';
    const logged = () => db.webhookDeliveryAttempt.findUnique({ where: { deliveryId_attempt: { deliveryId, attempt } } });
    const before = await logged();
    if (before) return outcomeOf(before.statusCode, before.nextAttemptAt);

    const result = await attemptDelivery(
      { deliveryId, webhookId: delivery.webhookId, url: delivery.webhook.url, sealedSecret: delivery.webhook.secret, eventId: delivery.eventId, eventType: delivery.eventType, payload: delivery.payload },
      attempt,
      nextAttemptAt === null ? null : new Date(nextAttemptAt),
    );
    const [written] = await logDeliveryAttempts(db, [result]);
    if (!written) {
      // Logged meanwhile by someone else (a dispatcher presumed dead that was not), or gone.
      const other = await logged();
      return other ? outcomeOf(other.statusCode, other.nextAttemptAt) : 'gone';
    }
    if (written.outcome === 'failed') {
      const warning = failedDeliveryWarning(written);
      log.warn(warning.message, warning.fields);
    }
    return written.outcome;
  }

  return { attemptWebhookDelivery };
}

export type WebhookActivities = ReturnType<typeof createWebhookActivities>;
