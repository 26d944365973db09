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
