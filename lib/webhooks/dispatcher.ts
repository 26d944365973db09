import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Database } from '../db/client';
import type { EventFeed } from '../events/feed';
import { readEvents } from '../events/read';
import type { Logger } from '../logger';
import { SerialRunner } from '../serial-runner';
import { type PayloadConfig, webhookBody } from './payload';
import { type DeliveryConfig, launchDelivery } from './start-delivery';

export interface DispatcherOptions {
  db: Database;
  temporal: Client;
  feed: EventFeed;
  config: DeliveryConfig & PayloadConfig;
  logger: Logger;
  /** A round also runs this often, so a launch that failed (Temporal down) is retried. */
  sweepIntervalMs: number;
}

const EVENTS_PER_BATCH = 200;
const LAUNCHES_PER_ROUND = 100;
const CURSOR_ID = 1;

/** One event to one webhook has one delivery ID, whichever dispatcher computes it. */
function deliveryIdFor(webhookId: string, eventId: string): string {
  return `dlv_${createHash('sha256').update(`${webhookId}\n${eventId}`).digest('hex').slice(0, 32)}`;
}

/**
 * Turns committed events into webhook deliveries, durably, in two steps:
 * 1. materialize: under the cursor row's lock, read the events after the stored cursor, write a
 *    delivery row for each matching subscription and move the cursor, in one transaction;
 * 2. launch: start a workflow for every delivery not yet launched.
 * Any number of dispatchers may run (one per worker): the lock lets one materialize at a time,
 * delivery IDs are derived from (webhook, event) and workflow IDs are delivery IDs, so nothing
 * is delivered twice, and a crash between the steps is healed by the next round's launch step.
 * Woken by the event feed (NOTIFY, or its poll), by its own start and by a periodic sweep.
 */
export class WebhookDispatcher {
  private readonly rounds: SerialRunner;
  private unfollow: (() => void) | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: DispatcherOptions) {
    this.rounds = new SerialRunner(
      () => this.dispatch(),
      (error) => options.logger.warn({ err: error }, 'webhook dispatcher: round failed; the next wake-up retries'),
    );
  }

  async start(): Promise<void> {
    await this.options.db.webhookDispatchCursor.createMany({ data: [{ id: CURSOR_ID, lastSeq: 0n }], skipDuplicates: true });
    this.unfollow = this.options.feed.follow(() => this.rounds.request());
    this.sweepTimer = setInterval(() => this.rounds.request(), this.options.sweepIntervalMs);
    this.sweepTimer.unref();
    this.rounds.request();
  }

  async stop(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.unfollow?.();
    await this.rounds.stop();
  }

  private async dispatch(): Promise<void> {
    while ((await this.materialize()) === EVENTS_PER_BATCH);
    await this.launchPending();
  }

  /** Returns how many events it consumed (0: nothing new, or another dispatcher holds the cursor). */
  private async materialize(): Promise<number> {
    const { db, config } = this.options;
    return db.$transaction(
      async (tx) => {
        const [cursor] = await tx.$queryRaw<{ last_seq: bigint }[]>`
          SELECT last_seq FROM webhook_dispatch_cursor WHERE id = ${CURSOR_ID} FOR UPDATE SKIP LOCKED`;
        if (!cursor) return 0;
        const events = await readEvents(tx, { after: cursor.last_seq, take: EVENTS_PER_BATCH });
        const last = events.at(-1);
        if (!last) return 0;
        const webhooks = await tx.webhook.findMany({
          where: { tenantId: { in: [...new Set(events.map((event) => event.tenantId))] }, afterSeq: { lt: last.seq } },
          select: { id: true, tenantId: true, events: true, afterSeq: true },
        });
        const deliveries = [];
        for (const event of events) {
          const subscribed = webhooks.filter((hook) => hook.tenantId === event.tenantId && hook.afterSeq < event.seq && hook.events.includes(event.type));
          if (subscribed.length === 0) continue;
          const payload = await webhookBody(tx, event, config);
          for (const hook of subscribed) {
            deliveries.push({ id: deliveryIdFor(hook.id, event.id), tenantId: event.tenantId, webhookId: hook.id, eventId: event.id, eventType: event.type, payload });
          }
        }
        if (deliveries.length > 0) await tx.webhookDelivery.createMany({ data: deliveries, skipDuplicates: true });
        await tx.webhookDispatchCursor.update({ where: { id: CURSOR_ID }, data: { lastSeq: last.seq } });
        return events.length;
      },
      { timeout: 60_000 },
    );
  }

  private async launchPending(): Promise<void> {
    const { db, temporal, config } = this.options;
    for (;;) {
      const pending = await db.webhookDelivery.findMany({ where: { launchedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true }, take: LAUNCHES_PER_ROUND });
      for (const { id } of pending) await launchDelivery(db, temporal, config, id);
      if (pending.length < LAUNCHES_PER_ROUND) return;
    }
  }
}
