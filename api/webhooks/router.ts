import type { Client } from '@temporalio/client';
import type { Router } from 'express';
import type { Config } from '../../lib/config';
import type { Database } from '../../lib/db/client';
import { sequenceEvents } from '../../lib/db/task-events';
import { newId } from '../../lib/ids';
import { type DeliveryConfig, LAUNCH_CLAIM_MS, launchDelivery } from '../../lib/webhooks/start-delivery';
import { checkStoredUrl } from '../../lib/outbound/url-policy';
import { secretHint } from '../../lib/secrets/secret-hint';
import { webhookSecretBoxFor } from '../../lib/webhooks/secret-box';
import { decodeCursor, keysetPage } from '../cursor';
import { principalOf } from '../middleware/auth';
import { HttpProblem, invalidRequest, notFound } from '../problem';
import { routerFrom } from '../route-table/register';
import { presentDelivery, presentWebhook } from './present';
import { webhookRoutes } from './routes';

export interface WebhooksRouterDependencies {
  db: Database;
  temporal: Client;
  config: DeliveryConfig & Pick<Config, 'OUTBOUND_ALLOW_PRIVATE_NETWORKS' | 'WEBHOOK_SECRET_KEYS' | 'TENANT_MAX_WEBHOOKS' | 'dataDir'>;
}

const withAttempts = { attempts: { orderBy: { attempt: 'asc' as const } } };

/** The tenant's webhook subscriptions and their delivery log. Changing them takes an admin key. */
export function webhooksRouter({ db, temporal, config }: WebhooksRouterDependencies): Router {
  const policy = { allowPrivateNetworks: config.OUTBOUND_ALLOW_PRIVATE_NETWORKS };
  const secrets = webhookSecretBoxFor(config);

  async function loadWebhook(tenantId: string, webhookId: string) {
    const webhook = await db.webhook.findFirst({ where: { id: webhookId, tenantId } });
    if (!webhook) throw notFound(`Webhook ${webhookId}`);
    return webhook;
  }

  return routerFrom(webhookRoutes, {
    async createWebhook(req, res, { body }) {
      const { tenantId } = principalOf(req);
      const refused = await checkStoredUrl(new URL(body.url), policy);
      if (refused) throw invalidRequest([{ field: 'url', in: 'body', message: refused }]);
      // Each subscription multiplies the deliveries of every event; a tenant's are bounded.
      const subscribed = await db.webhook.count({ where: { tenantId } });
      if (subscribed >= config.TENANT_MAX_WEBHOOKS) {
        throw new HttpProblem(409, 'limit_reached', `This tenant has ${subscribed} webhooks, its limit; delete one to subscribe another.`, { limit: config.TENANT_MAX_WEBHOOKS });
      }
      // Events committed from now on get a higher seq: the ones committed before are sequenced first.
      await sequenceEvents(db);
      const { _max } = await db.event.aggregate({ _max: { seq: true } });
      const webhook = await db.webhook.create({
        data: { id: newId('whk'), tenantId, url: body.url, events: body.events, secret: secrets.seal(body.secret), secretHint: secretHint(body.secret), afterSeq: _max.seq ?? 0n },
      });
      res.status(201).location(`/v1/webhooks/${webhook.id}`).json(presentWebhook(webhook));
    },
    async listWebhooks(req, res) {
      const { tenantId } = principalOf(req);
      const webhooks = await db.webhook.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      res.json({ webhooks: webhooks.map(presentWebhook) });
    },
    async getWebhook(req, res, { params }) {
      const { tenantId } = principalOf(req);
      res.json(presentWebhook(await loadWebhook(tenantId, params.id)));
    },
    async deleteWebhook(req, res, { params }) {
      const { tenantId } = principalOf(req);
      // Its deliveries go with it; their workflows find nothing left to deliver and stop.
      const { count } = await db.webhook.deleteMany({ where: { id: params.id, tenantId } });
      if (count === 0) throw notFound(`Webhook ${params.id}`);
      res.status(204).end();
    },
    async listDeliveries(req, res, { params, query }) {
      const { tenantId } = principalOf(req);
      const webhook = await loadWebhook(tenantId, params.id);
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      // Newest first, ties broken by id: a total order, so pages neither repeat nor skip.
      const deliveries = await db.webhookDelivery.findMany({
        where: {
          webhookId: webhook.id,
          ...(after && { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: query.limit + 1,
        include: withAttempts,
      });
      const { page, nextCursor } = keysetPage(deliveries, query.limit, (delivery) => delivery.createdAt);
      res.json({ deliveries: page.map(presentDelivery), next_cursor: nextCursor });
    },
    async redeliver(req, res, { params }) {
      const { tenantId } = principalOf(req);
      const webhook = await loadWebhook(tenantId, params.id);
      const original = await db.webhookDelivery.findFirst({ where: { id: params.delivery_id, webhookId: webhook.id } });
      if (!original) throw notFound(`Delivery ${params.delivery_id}`);
      // A new delivery of the same body (same event ID, so receivers can de-duplicate), claimed
      // for its launch here so no dispatcher attempts it meanwhile.
      const delivery = await db.webhookDelivery.create({
        data: {
          id: newId('dlv'),
          tenantId,
          webhookId: webhook.id,
          eventId: original.eventId,
          eventType: original.eventType,
          payload: original.payload,
          redeliveryOf: original.id,
          claimedUntil: new Date(Date.now() + LAUNCH_CLAIM_MS),
        },
      });
      // If Temporal is unreachable now, a dispatcher launches it once the claim has run out.
      await launchDelivery(db, temporal, config, delivery.id).catch((error: unknown) =>
        req.log.warn({ err: error, delivery_id: delivery.id }, 'redelivery not launched yet; the dispatcher will'),
      );
      const launched = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id }, include: withAttempts });
      res.status(202).json(presentDelivery(launched));
    },
  });
}
