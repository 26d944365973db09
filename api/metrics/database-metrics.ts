import { Gauge, Registry } from 'prom-client';
import type { Database } from '../../lib/db/client';
import type { EventFeed } from '../../lib/events/feed';

/**
 * Gauges read from PostgreSQL on each scrape, the same from every API process (all tenants: the
 * endpoint is an operator's). Per app, not per process: each one reads its own database and feed.
 */
export function databaseMetrics({ db, feed }: { db: Database; feed: EventFeed }): Registry {
  const registry = new Registry();
  new Gauge({
    name: 'taskwright_tasks',
    help: 'Tasks by status and agent.',
    labelNames: ['status', 'agent'] as const,
    registers: [registry],
    async collect() {
      const groups = await db.task.groupBy({ by: ['status', 'agent'], _count: { _all: true } });
      this.reset();
      for (const group of groups) this.set({ status: group.status, agent: group.agent }, group._count._all);
    },
  });
  new Gauge({
    name: 'taskwright_approvals_waiting',
    help: 'Approvals requested and not yet decided.',
    registers: [registry],
    async collect() {
      this.set(await db.approval.count({ where: { status: 'pending' } }));
    },
  });
  new Gauge({
    name: 'taskwright_webhook_deliveries',
    help: 'Webhook deliveries by outcome (pending, succeeded, failed, …).',
    labelNames: ['outcome'] as const,
    registers: [registry],
    async collect() {
      const groups = await db.webhookDelivery.groupBy({ by: ['status'], _count: { _all: true } });
      this.reset();
      for (const group of groups) this.set({ outcome: group.status }, group._count._all);
    },
  });
  new Gauge({
    name: 'taskwright_event_feed_lag_events',
    help: "Events sequenced in the log that this process's event feed (SSE, webhooks) has not published yet.",
    registers: [registry],
    async collect() {
      const { _max } = await db.event.aggregate({ _max: { seq: true } });
      const lag = (_max.seq ?? 0n) - feed.published;
      this.set(Number(lag > 0n ? lag : 0n));
    },
  });
  return registry;
}
