import { z } from 'zod';
import { EVENT_TYPES } from '../../lib/events/types';

const eventType = z.enum(EVENT_TYPES, { error: `Expected one of ${EVENT_TYPES.join(', ')}` });

/** POST /v1/webhooks: the seed's `{url, events, secret}`. */
export const createWebhookBody = z.strictObject({
  url: z.string().max(2_000).pipe(z.url({ protocol: /^https?$/, error: 'Expected an absolute http or https URL' })),
  events: z
    .array(eventType)
    .min(1, 'Subscribe to at least one event type')
    .refine((types) => new Set(types).size === types.length, 'List each event type once'),
  secret: z.string().min(8, 'Use a secret of at least 8 characters').max(256),
});

export const listDeliveriesQuery = z.object({
  limit: z.coerce.number({ error: 'Expected an integer from 1 to 100' }).int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional(),
});

const timestamp = z.iso.datetime();

export const webhookBody = z
  .object({
    webhook_id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    secret_hint: z.string().meta({ description: 'The last characters of the secret, never the secret' }),
    status: z.enum(['active', 'failing']),
    failing_since: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'Webhook' });

export const deliveryBody = z
  .object({
    delivery_id: z.string(),
    webhook_id: z.string(),
    event_id: z.string(),
    event_type: z.string(),
    status: z.string(),
    attempt_count: z.int(),
    next_attempt_at: timestamp.nullable(),
    redelivery_of: z.string().nullable(),
    created_at: timestamp,
    completed_at: timestamp.nullable(),
    attempts: z.array(
      z.object({
        attempt: z.int(),
        started_at: timestamp,
        status_code: z.int().nullable(),
        latency_ms: z.int(),
        error: z.string().nullable(),
        next_attempt_at: timestamp.nullable(),
      }),
    ),
  })
  .meta({ id: 'WebhookDelivery' });

export const webhookIdParams = z.object({ id: z.string().meta({ description: 'A webhook ID (whk_…)' }) });
