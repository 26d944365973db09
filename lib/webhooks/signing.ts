import { createHmac } from 'node:crypto';

/**
 * `X-Ariftly-Signature`: `sha256=` and the hex HMAC-SHA256 of the raw body with the webhook's
 * secret, exactly what the seed's verifyWebhook() computes and compares.
 */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * `X-Taskwright-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. Covering the
 * time lets a receiver refuse a captured delivery replayed later (say, more than 5 minutes old),
 * which the seed's body-only signature cannot tell from a fresh one.
 */
export function signTimestampedWebhookBody(body: string, secret: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}
