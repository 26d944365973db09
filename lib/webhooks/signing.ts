import { createHmac } from 'node:crypto';

/**
 * `X-Ariftly-Signature`: `sha256=` and the hex HMAC-SHA256 of the raw body with the webhook's
 * secret, exactly what the seed's verifyWebhook() computes and compares.
 */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
