import http from 'node:http';
import https from 'node:https';
import { log } from '@temporalio/activity';
import type { Database } from '../lib/db/client';
import { signWebhookBody } from '../lib/webhooks/signing';
import { type UrlPolicy, guardedLookup, refusedUrlReason } from '../lib/outbound/url-policy';
import type { DeliveryOutcome } from '../workflows/webhook-delivery';

export interface WebhookDeliveryOptions extends UrlPolicy {
  /** Whole-request timeout of one attempt. */
  timeoutMs: number;
}

export interface DeliveryAttempt {
  deliveryId: string;
  /** 1-based; together with the delivery ID it keys the delivery-log row. */
  attempt: number;
  /** When the workflow will try again if this attempt fails; null: this is the last one. */
  nextAttemptAt: string | null;
}

interface HttpResult {
  statusCode: number | null;
  error: string | null;
}

// Receivers answer quickly with a status; their body is not ours to keep.
const RESPONSE_BYTES_READ = 64 * 1024;

/** The webhook delivery activity, built from its dependencies like the task activities. */
export function createWebhookActivities(db: Database, options: WebhookDeliveryOptions) {
  /**
   * One signed POST of a delivery, logged as one attempt row. Idempotent: an attempt already
   * logged (the activity retried after writing it) returns its recorded outcome without posting.
   */
  async function attemptWebhookDelivery({ deliveryId, attempt, nextAttemptAt }: DeliveryAttempt): Promise<DeliveryOutcome> {
    const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { webhook: true } });
    // Its webhook was deleted (deliveries go with it): nobody to deliver to.
    if (!delivery) return 'gone';
    if (delivery.status === 'succeeded') return 'delivered';
    if (delivery.status === 'failed') return 'failed';
    const logged = await db.webhookDeliveryAttempt.findUnique({ where: { deliveryId_attempt: { deliveryId, attempt } } });
    if (logged) return outcomeOf(logged.statusCode, logged.nextAttemptAt);

    const startedAt = new Date();
    const result = await post(new URL(delivery.webhook.url), delivery.payload, {
      'X-Ariftly-Signature': signWebhookBody(delivery.payload, delivery.webhook.secret),
      'X-Ariftly-Event-Id': delivery.eventId,
      'X-Ariftly-Event-Type': delivery.eventType,
      'X-Ariftly-Delivery-Id': delivery.id,
      'X-Ariftly-Delivery-Attempt': String(attempt),
      'X-Ariftly-Timestamp': String(Math.floor(startedAt.getTime() / 1000)),
    });
    const latencyMs = Date.now() - startedAt.getTime();
    const outcome = outcomeOf(result.statusCode, nextAttemptAt);
    const finishedAt = new Date();

    await db.$transaction(async (tx) => {
      const written = await tx.webhookDeliveryAttempt.createMany({
        data: [{ deliveryId, attempt, startedAt, statusCode: result.statusCode, latencyMs, error: result.error, nextAttemptAt: outcome === 'retry' ? nextAttemptAt : null }],
        skipDuplicates: true,
      });
      if (written.count === 0) return;
      await tx.webhookDelivery.update({
        where: { id: deliveryId },
        data: {
          attemptCount: attempt,
          status: outcome === 'delivered' ? 'succeeded' : outcome === 'failed' ? 'failed' : 'pending',
          nextAttemptAt: outcome === 'retry' ? nextAttemptAt : null,
          completedAt: outcome === 'retry' ? null : finishedAt,
        },
      });
      // A webhook is failing from the first delivery that used up its window until one succeeds.
      if (outcome === 'delivered') {
        await tx.webhook.updateMany({ where: { id: delivery.webhookId, status: 'failing' }, data: { status: 'active', failingSince: null } });
      } else if (outcome === 'failed') {
        await tx.webhook.updateMany({ where: { id: delivery.webhookId, status: 'active' }, data: { status: 'failing', failingSince: finishedAt } });
      }
    });
    if (outcome === 'failed') {
      log.warn('webhook delivery failed for its whole retry window; the webhook is marked failing', {
        webhook_id: delivery.webhookId,
        delivery_id: deliveryId,
        event_id: delivery.eventId,
        attempts: attempt,
        last_error: result.error,
      });
    }
    return outcome;
  }

  async function post(url: URL, body: string, headers: Record<string, string>): Promise<HttpResult> {
    // Checked again at delivery: the policy may have changed since the subscription was made.
    const refused = refusedUrlReason(url, options);
    if (refused) return { statusCode: null, error: refused };
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<HttpResult>((resolve) => {
      const request = client.request(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'User-Agent': 'Taskwright-Webhooks/1' },
          lookup: guardedLookup(options),
          signal: AbortSignal.timeout(options.timeoutMs),
        },
        (response) => {
          // Redirects are not followed: a 3xx is a failed attempt like any other non-2xx.
          const statusCode = response.statusCode ?? null;
          let read = 0;
          response.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > RESPONSE_BYTES_READ) response.destroy();
          });
          const settle = () => resolve({ statusCode, error: statusCode !== null && statusCode >= 200 && statusCode < 300 ? null : `HTTP ${statusCode}` });
          response.on('end', settle).on('close', settle).on('error', settle);
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        const reason = error.name === 'AbortError' || error.name === 'TimeoutError' ? `timed out after ${options.timeoutMs} ms` : error.message;
        resolve({ statusCode: null, error: error.code && !reason.includes(error.code) ? `${error.code}: ${reason}` : reason });
      });
      request.end(body);
    });
  }

  return { attemptWebhookDelivery };
}

function outcomeOf(statusCode: number | null, nextAttemptAt: Date | string | null): DeliveryOutcome {
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return 'delivered';
  return nextAttemptAt ? 'retry' : 'failed';
}

export type WebhookActivities = ReturnType<typeof createWebhookActivities>;
