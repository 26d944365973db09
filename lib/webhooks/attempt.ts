import http from 'node:http';
import https from 'node:https';
import type { Database } from '../db/client';
import type { DeliveryOutcome } from '../../workflows/webhook-delivery';
import { type WebhookSecretBox } from './secret-box';
import { signTimestampedWebhookBody, signWebhookBody } from './signing';
import { type UrlPolicy, guardedLookup, refusedUrlReason } from '../outbound/url-policy';

export interface WebhookDeliveryOptions extends UrlPolicy {
  /** Whole-request timeout of one attempt. */
  timeoutMs: number;
  /** Opens the webhooks' sealed secrets. */
  secrets: WebhookSecretBox;
}

/** What one attempt sends, and where. */
export interface DeliveryTarget {
  deliveryId: string;
  webhookId: string;
  url: string;
  /** The webhook's secret as stored: sealed. */
  sealedSecret: string;
  eventId: string;
  eventType: string;
  /** The exact body every attempt sends (and signs). */
  payload: string;
}

/** One attempt as the delivery log keeps it, with the delivery's outcome after it. */
export interface AttemptResult {
  deliveryId: string;
  webhookId: string;
  eventId: string;
  attempt: number;
  startedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  /** When the next attempt is due; null unless the outcome is `retry`. */
  nextAttemptAt: Date | null;
  outcome: Exclude<DeliveryOutcome, 'gone'>;
  finishedAt: Date;
}

// Receivers answer quickly with a status; their body is not ours to keep.
const RESPONSE_BYTES_READ = 64 * 1024;

/**
 * Builds the function that makes one attempt: a signed POST of the delivery's body, to a URL the
 * policy allows, connecting only to an address the policy allows. It never throws: whatever goes
 * wrong is the attempt's error. `nextAttemptAt`: when the caller will try again if this attempt
 * fails; null makes a failure final.
 */
export function createDeliveryAttempter(options: WebhookDeliveryOptions) {
  return async function attemptDelivery(target: DeliveryTarget, attempt: number, nextAttemptAt: Date | null): Promise<AttemptResult> {
    const startedAt = new Date();
    const timestamp = Math.floor(startedAt.getTime() / 1000);
    const signed = signaturesOf(target, timestamp);
    const { statusCode, error } =
      'error' in signed
        ? { statusCode: null, error: signed.error }
        : await post(target, {
            ...signed,
            'X-Ariftly-Event-Id': target.eventId,
            'X-Ariftly-Event-Type': target.eventType,
            'X-Ariftly-Delivery-Id': target.deliveryId,
            'X-Ariftly-Delivery-Attempt': String(attempt),
            'X-Ariftly-Timestamp': String(timestamp),
          });
    const finishedAt = new Date();
    const outcome = outcomeOf(statusCode, nextAttemptAt);
    return {
      deliveryId: target.deliveryId,
      webhookId: target.webhookId,
      eventId: target.eventId,
      attempt,
      startedAt,
      statusCode,
      latencyMs: finishedAt.getTime() - startedAt.getTime(),
      error,
      nextAttemptAt: outcome === 'retry' ? nextAttemptAt : null,
      outcome,
      finishedAt,
    };
  };

  /** The seed's body signature and the timestamped one, or why the secret could not be opened. */
  function signaturesOf(target: DeliveryTarget, timestamp: number): Record<string, string> | { error: string } {
    let secret: string;
    try {
      secret = options.secrets.open(target.sealedSecret);
    } catch (error) {
      return { error: `could not open the webhook's secret: ${(error as Error).message}` };
    }
    return {
      'X-Ariftly-Signature': signWebhookBody(target.payload, secret),
      'X-Taskwright-Signature': signTimestampedWebhookBody(target.payload, secret, timestamp),
    };
  }

  async function post(target: DeliveryTarget, headers: Record<string, string>): Promise<{ statusCode: number | null; error: string | null }> {
    let url: URL;
    try {
      url = new URL(target.url);
    } catch {
      return { statusCode: null, error: `${target.url} is not a URL` };
    }
    // Checked again at delivery: the policy may have changed since the subscription was made.
    const refused = refusedUrlReason(url, options);
    if (refused) return { statusCode: null, error: refused };
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      const request = client.request(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(target.payload), 'User-Agent': 'Taskwright-Webhooks/1' },
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
      request.end(target.payload);
    });
  }
}

export type AttemptDelivery = ReturnType<typeof createDeliveryAttempter>;

export function outcomeOf(statusCode: number | null, nextAttemptAt: Date | string | null): Exclude<DeliveryOutcome, 'gone'> {
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return 'delivered';
  return nextAttemptAt ? 'retry' : 'failed';
}

/**
 * Writes attempts to the delivery log in one statement: each attempt's row (keyed by delivery
 * and attempt number, so an attempt logged before is not logged again), its delivery's status,
 * and its webhook's: `failing` from the first delivery that used up its window, `active` again
 * on a success. Returns the attempts it wrote; those it did not were logged before, or their
 * delivery is gone (its webhook was deleted).
 */
export async function logDeliveryAttempts(db: Database, attempts: AttemptResult[]): Promise<AttemptResult[]> {
  if (attempts.length === 0) return [];
  const rows = attempts.map((attempt) => ({
    delivery_id: attempt.deliveryId,
    attempt: attempt.attempt,
    started_at: attempt.startedAt.toISOString(),
    status_code: attempt.statusCode,
    latency_ms: attempt.latencyMs,
    error: attempt.error,
    next_attempt_at: attempt.nextAttemptAt?.toISOString() ?? null,
    status: attempt.outcome === 'delivered' ? 'succeeded' : attempt.outcome === 'failed' ? 'failed' : 'pending',
    completed_at: attempt.outcome === 'retry' ? null : attempt.finishedAt.toISOString(),
  }));
  // The deliveries are locked first (in one order, so concurrent writers cannot deadlock): a
  // webhook deleted meanwhile has taken its deliveries along, and their attempts are skipped.
  const written = await db.$queryRaw<{ delivery_id: string; attempt: number }[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
        delivery_id text, attempt int, started_at timestamptz, status_code int, latency_ms int, error text,
        next_attempt_at timestamptz, status text, completed_at timestamptz)
    ), deliveries AS (
      SELECT d.id FROM webhook_deliveries d WHERE d.id IN (SELECT delivery_id FROM input) ORDER BY d.id FOR UPDATE
    ), written AS (
      INSERT INTO webhook_delivery_attempts (delivery_id, attempt, started_at, status_code, latency_ms, error, next_attempt_at)
      SELECT i.delivery_id, i.attempt, i.started_at, i.status_code, i.latency_ms, i.error, i.next_attempt_at
        FROM input i JOIN deliveries d ON d.id = i.delivery_id
      ON CONFLICT DO NOTHING
      RETURNING delivery_id, attempt
    ), updated AS (
      UPDATE webhook_deliveries d
         SET attempt_count = i.attempt, status = i.status, next_attempt_at = i.next_attempt_at, completed_at = i.completed_at, claimed_until = NULL
        FROM written w JOIN input i USING (delivery_id, attempt)
       WHERE d.id = w.delivery_id
      RETURNING d.webhook_id, d.status
    ), recovered AS (
      UPDATE webhooks SET status = 'active', failing_since = NULL
       WHERE status = 'failing' AND id IN (SELECT webhook_id FROM updated WHERE status = 'succeeded')
    ), failing AS (
      UPDATE webhooks SET status = 'failing', failing_since = now()
       WHERE status = 'active' AND id IN (SELECT webhook_id FROM updated WHERE status = 'failed')
    )
    SELECT delivery_id, attempt FROM written`;
  const keys = new Set(written.map((row) => `${row.delivery_id}\n${row.attempt}`));
  return attempts.filter((attempt) => keys.has(`${attempt.deliveryId}\n${attempt.attempt}`));
}

/** The warning a delivery that used up its retry window leaves in the log. */
export function failedDeliveryWarning(attempt: AttemptResult) {
  return {
    message: 'webhook delivery failed for its whole retry window; the webhook is marked failing',
    fields: { webhook_id: attempt.webhookId, delivery_id: attempt.deliveryId, event_id: attempt.eventId, attempts: attempt.attempt, last_error: attempt.error },
  };
}
