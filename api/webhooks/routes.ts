import { z } from 'zod';
import { defineRoutes } from '../route-table/declare';
import { createWebhookBody, deliveryBody, listDeliveriesQuery, webhookBody, webhookIdParams } from './schemas';

const tag = 'Webhooks';

export const webhookRoutes = defineRoutes({
  createWebhook: {
    method: 'post',
    path: '/v1/webhooks',
    auth: 'admin',
    tag,
    summary: 'Subscribe to events',
    description: 'The secret signs deliveries (`X-Ariftly-Signature`) and is only ever shown as `secret_hint`; a URL the outbound policy refuses is a 400 naming `url`.',
    body: { schema: createWebhookBody },
    responses: { 201: { description: 'The subscription', schema: webhookBody } },
    problems: [400, 401, 403, 409, 413, 415],
    examples: [
      {
        summary: 'Tasks & Artifacts (seed 000)',
        curl: `curl -X POST $BASE/v1/webhooks -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"url": "https://your-system.com/hooks/ariftly", "events": ["task.complete", "task.failed"], "secret": "your_webhook_secret"}'`,
        body: { url: 'https://your-system.com/hooks/ariftly', events: ['task.complete', 'task.failed'], secret: 'your_webhook_secret' },
      },
    ],
  },
  listWebhooks: {
    method: 'get',
    path: '/v1/webhooks',
    auth: 'key',
    tag,
    summary: "The tenant's subscriptions",
    responses: { 200: { description: 'Every subscription, oldest first', schema: z.object({ webhooks: z.array(webhookBody) }) } },
    problems: [401],
  },
  getWebhook: {
    method: 'get',
    path: '/v1/webhooks/:id',
    auth: 'key',
    tag,
    summary: 'Read a subscription',
    params: webhookIdParams,
    responses: { 200: { description: 'The subscription', schema: webhookBody } },
    problems: [401, 404],
  },
  deleteWebhook: {
    method: 'delete',
    path: '/v1/webhooks/:id',
    auth: 'admin',
    tag,
    summary: 'Unsubscribe; its deliveries stop',
    params: webhookIdParams,
    responses: { 204: { description: 'Deleted' } },
    problems: [401, 403, 404],
  },
  listDeliveries: {
    method: 'get',
    path: '/v1/webhooks/:id/deliveries',
    auth: 'key',
    tag,
    summary: 'The delivery log, newest first, with every attempt',
    params: webhookIdParams,
    query: listDeliveriesQuery,
    responses: { 200: { description: 'One page of deliveries', schema: z.object({ deliveries: z.array(deliveryBody), next_cursor: z.string().nullable() }) } },
    problems: [400, 401, 404],
  },
  redeliver: {
    method: 'post',
    path: '/v1/webhooks/:id/deliveries/:delivery_id/redeliver',
    auth: 'admin',
    tag,
    summary: 'Deliver an event again, as a new delivery',
    params: webhookIdParams.extend({ delivery_id: z.string().meta({ description: 'A delivery ID (dlv_…)' }) }),
    responses: { 202: { description: 'The new delivery', schema: deliveryBody } },
    problems: [401, 403, 404],
  },
});
