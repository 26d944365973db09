import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Database } from '../db/client';
import type { EventFeed } from '../events/feed';
import { readEvents } from '../events/read';
import type { Logger } from '../logger';
import { SerialRunner } from '../serial-runner';
import type { WebhookDeliveryInput } from '../../workflows/webhook-delivery';
import {
  type AttemptDelivery,
  type AttemptResult,
  type DeliveryTarget,
  type WebhookDeliveryOptions,
  createDeliveryAttempter,
  failedDeliveryWarning,
  logDeliveryAttempts,
} from './attempt';
import { type PayloadConfig, webhookBodies } from './payload';
import { retryWait } from './retry-schedule';
import { type DeliveryConfig, LAUNCH_CLAIM_MS, launchDelivery, retrySchedule } from './start-delivery';

export interface DispatcherOptions {
  db: Database;
  temporal: Client;
  feed: EventFeed;
  config: DeliveryConfig & PayloadConfig;
  /** How attempts are made: the same settings as the delivery workflow's activity. */
  delivery: WebhookDeliveryOptions;
  logger: Logger;
  /** A round also runs this often, so work a crash or an outage left behind is picked up. */
  sweepIntervalMs: number;
}

const EVENTS_PER_BATCH = 200;
const FIRST_ATTEMPT_CONCURRENCY = 32;
// Finished attempts are logged in batches of about this many (fewer when the work runs out).
const ATTEMPTS_PER_LOG_WRITE = 16;
const LAUNCHES_PER_ROUND = 50;
const LAUNCH_CONCURRENCY = 8;
// A first attempt's claim outlasts the attempt (its timeout) with room to log it; once it has
// run out, its dispatcher is presumed dead and the delivery's workflow takes over.
const FIRST_ATTEMPT_CLAIM_MARGIN_MS = 30_000;
const CURSOR_ID = 1;

/** One event to one webhook has one delivery ID, whichever dispatcher computes it. */
function deliveryIdFor(webhookId: string, eventId: string): string {
  return `dlv_${createHash('sha256').update(`${webhookId}\n${eventId}`).digest('hex').slice(0, 32)}`;
}

/**
 * Under the cursor row's lock, reads up to EVENTS_PER_BATCH events after the cursor, writes a
 * delivery for each subscription that matches one and moves the cursor past them, in one
 * transaction. 0 events: nothing new, or another dispatcher holds the cursor.
 */
export async function materializeDeliveries(db: Database, config: PayloadConfig): Promise<{ events: number; deliveries: number }> {
  return db.$transaction(
    async (tx) => {
      const [cursor] = await tx.$queryRaw<{ last_seq: bigint }[]>`
        SELECT last_seq FROM webhook_dispatch_cursor WHERE id = ${CURSOR_ID} FOR UPDATE SKIP LOCKED`;
      if (!cursor) return { events: 0, deliveries: 0 };
      const events = await readEvents(tx, { after: cursor.last_seq, take: EVENTS_PER_BATCH });
      const last = events.at(-1);
      if (!last) return { events: 0, deliveries: 0 };
      const webhooks = await tx.webhook.findMany({
        where: { tenantId: { in: [...new Set(events.map((event) => event.tenantId))] }, afterSeq: { lt: last.seq } },
        select: { id: true, tenantId: true, events: true, afterSeq: true },
      });
      const deliveries: { id: string; webhookId: string; eventId: string }[] = [];
      const subscribedEvents = events.filter((event) => {
        const subscribed = webhooks.filter((hook) => hook.tenantId === event.tenantId && hook.afterSeq < event.seq && hook.events.includes(event.type));
        for (const hook of subscribed) deliveries.push({ id: deliveryIdFor(hook.id, event.id), webhookId: hook.id, eventId: event.id });
        return subscribed.length > 0;
      });
      if (deliveries.length > 0) {
        const bodies = await webhookBodies(tx, subscribedEvents, config);
        // Each body travels once however many webhooks receive its event.
        await tx.$executeRaw`
          INSERT INTO webhook_deliveries (id, tenant_id, webhook_id, event_id, event_type, payload)
          SELECT d.id, e.tenant_id, d.webhook_id, event_id, e.event_type, e.payload
            FROM unnest(${deliveries.map((delivery) => delivery.id)}::text[], ${deliveries.map((delivery) => delivery.webhookId)}::text[],
                        ${deliveries.map((delivery) => delivery.eventId)}::text[]) AS d(id, webhook_id, event_id)
            JOIN unnest(${subscribedEvents.map((event) => event.id)}::text[], ${subscribedEvents.map((event) => event.tenantId)}::text[],
                        ${subscribedEvents.map((event) => event.type)}::text[], ${subscribedEvents.map((event) => bodies.get(event.id)!)}::text[])
              AS e(event_id, tenant_id, event_type, payload) USING (event_id)
          ON CONFLICT DO NOTHING`;
      }
      await tx.webhookDispatchCursor.update({ where: { id: CURSOR_ID }, data: { lastSeq: last.seq } });
      return { events: events.length, deliveries: deliveries.length };
    },
    { timeout: 60_000 },
  );
}

/**
 * Claims up to `limit` deliveries nobody has attempted yet for `claimMs`, skipping those another
 * dispatcher is claiming right now: a claimed delivery is attempted by its claimer alone.
 */
export async function claimFirstAttempts(db: Database, limit: number, claimMs: number): Promise<DeliveryTarget[]> {
  const rows = await db.$queryRaw<
    { id: string; webhook_id: string; url: string; secret: string; event_id: string; event_type: string; payload: string }[]
  >`
    UPDATE webhook_deliveries d SET claimed_until = now() + ${claimMs}::int * interval '1 millisecond'
      FROM webhooks w
     WHERE w.id = d.webhook_id AND d.id IN (
       SELECT id FROM webhook_deliveries
        WHERE status = 'pending' AND launched_at IS NULL AND attempt_count = 0 AND claimed_until IS NULL
        ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.webhook_id, w.url, w.secret, d.event_id, d.event_type, d.payload`;
  return rows.map((row) => ({
    deliveryId: row.id,
    webhookId: row.webhook_id,
    url: row.url,
    sealedSecret: row.secret,
    eventId: row.event_id,
    eventType: row.event_type,
    payload: row.payload,
  }));
}

/**
 * Claims up to `limit` deliveries whose workflow is due to be launched: those whose first
 * attempt failed, and those whose claim ran out (a dispatcher that died mid-attempt, a launch
 * that did not finish).
 */
async function claimLaunches(db: Database, limit: number) {
  return db.$queryRaw<{ id: string; attempt_count: number; next_attempt_at: Date | null; first_attempt_at: Date | null }[]>`
    UPDATE webhook_deliveries d SET claimed_until = now() + ${LAUNCH_CLAIM_MS}::int * interval '1 millisecond'
     WHERE d.id IN (
       SELECT id FROM webhook_deliveries
        WHERE status = 'pending' AND launched_at IS NULL AND (claimed_until < now() OR (claimed_until IS NULL AND attempt_count > 0))
        ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.attempt_count, d.next_attempt_at,
      (SELECT started_at FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id AND a.attempt = 1) AS first_attempt_at`;
}

/**
 * Turns committed events into webhook deliveries, durably, in three loops:
 * 1. materialize: under the cursor row's lock, read the events after the stored cursor, write a
 *    delivery row for each matching subscription and move the cursor, in one transaction;
 * 2. first attempts: claim deliveries nobody has attempted and attempt each right here (signed,
 *    policy-checked and logged exactly as the workflow's attempts), up to 32 at a time, logging
 *    the attempts in batches. Most deliveries end here, without a workflow;
 * 3. launch: a delivery whose first attempt failed gets a `webhookDeliveryWorkflow` (ID =
 *    delivery ID) for its retries; so does one whose claim ran out (its dispatcher died).
 * Any number of dispatchers may run (one per worker): the lock lets one materialize at a time,
 * delivery IDs are derived from (webhook, event), a claim gives a first attempt to one
 * dispatcher, and workflow IDs are delivery IDs, so an event reaches a webhook once unless a
 * dispatcher dies between posting and logging. A crash between steps is healed by later loops.
 * Woken by the event feed (NOTIFY, or its poll), by its own start and by a periodic sweep.
 */
export class WebhookDispatcher {
  // Three loops, each run by one runner so wake-ups coalesce: a batch's first attempts start as
  // soon as it is materialized, and slow workflow starts for failing receivers hold up neither.
  private readonly materializing: SerialRunner;
  private readonly attempts: SerialRunner;
  private readonly launches: SerialRunner;
  private readonly attemptDelivery: AttemptDelivery;
  private unfollow: (() => void) | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: DispatcherOptions) {
    this.attemptDelivery = createDeliveryAttempter(options.delivery);
    const warn = (what: string) => (error: unknown) => options.logger.warn({ err: error }, `webhook dispatcher: ${what} failed; the next wake-up retries`);
    this.materializing = new SerialRunner(() => this.materialize(), warn('materializing deliveries'));
    this.attempts = new SerialRunner(() => this.attemptFirsts(), warn('first attempts'));
    this.launches = new SerialRunner(() => this.launchDue(), warn('launching retries'));
  }

  async start(): Promise<void> {
    await this.options.db.webhookDispatchCursor.createMany({ data: [{ id: CURSOR_ID, lastSeq: 0n }], skipDuplicates: true });
    this.unfollow = this.options.feed.follow(() => this.materializing.request());
    this.sweepTimer = setInterval(() => this.sweep(), this.options.sweepIntervalMs);
    this.sweepTimer.unref();
    this.sweep();
  }

  async stop(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.unfollow?.();
    await Promise.all([this.materializing.stop(), this.attempts.stop(), this.launches.stop()]);
  }

  private sweep(): void {
    this.materializing.request();
    this.attempts.request();
    this.launches.request();
  }

  /**
   * Writes the deliveries of the events after the cursor, a batch per transaction, until none
   * are left; each batch is up for first attempts as soon as it commits.
   */
  private async materialize(): Promise<void> {
    for (;;) {
      const { events, deliveries } = await materializeDeliveries(this.options.db, this.options.config);
      if (deliveries > 0) this.attempts.request();
      if (events < EVENTS_PER_BATCH) return;
    }
  }

  /**
   * Keeps up to FIRST_ATTEMPT_CONCURRENCY first attempts in flight while there are deliveries to
   * claim, topping up once half have finished, and logs finished attempts in batches.
   */
  private async attemptFirsts(): Promise<void> {
    const { db, delivery } = this.options;
    const inFlight = new Set<Promise<void>>();
    const finished: AttemptResult[] = [];
    let more = true;
    try {
      for (;;) {
        if (more && inFlight.size <= FIRST_ATTEMPT_CONCURRENCY / 2) {
          const wanted = FIRST_ATTEMPT_CONCURRENCY - inFlight.size;
          const claimed = await claimFirstAttempts(db, wanted, delivery.timeoutMs + FIRST_ATTEMPT_CLAIM_MARGIN_MS);
          more = claimed.length === wanted;
          for (const target of claimed) {
            const attempt: Promise<void> = this.attemptFirst(target)
              .then((result) => {
                finished.push(result);
              })
              .finally(() => inFlight.delete(attempt));
            inFlight.add(attempt);
          }
        }
        if (inFlight.size === 0) break;
        await Promise.race(inFlight);
        if (finished.length >= ATTEMPTS_PER_LOG_WRITE || inFlight.size === 0) await this.log(finished.splice(0));
      }
      // Those that finished while the last batch was being logged.
      await this.log(finished.splice(0));
    } finally {
      // Not one attempt left running behind a failed round; unlogged ones are healed by launches.
      await Promise.allSettled(inFlight);
    }
  }

  private attemptFirst(target: DeliveryTarget): Promise<AttemptResult> {
    const { config } = this.options;
    const wait = retryWait(1, retrySchedule(config));
    return this.attemptDelivery(target, 1, wait <= config.WEBHOOK_RETRY_WINDOW_MS ? new Date(Date.now() + wait) : null);
  }

  private async log(attempts: AttemptResult[]): Promise<void> {
    if (attempts.length === 0) return;
    const written = await logDeliveryAttempts(this.options.db, attempts);
    for (const attempt of written) {
      if (attempt.outcome !== 'failed') continue;
      const warning = failedDeliveryWarning(attempt);
      this.options.logger.warn(warning.fields, warning.message);
    }
    if (written.some((attempt) => attempt.outcome === 'retry')) this.launches.request();
  }

  private async launchDue(): Promise<void> {
    const { db, temporal, config } = this.options;
    for (;;) {
      const due = await claimLaunches(db, LAUNCHES_PER_ROUND);
      await inParallel(due, LAUNCH_CONCURRENCY, (delivery) => {
        // After a failed first attempt the workflow picks up at the second, when it is due.
        const resume: WebhookDeliveryInput['resume'] =
          delivery.attempt_count === 0
            ? undefined
            : {
                attempt: delivery.attempt_count + 1,
                deadline: (delivery.first_attempt_at?.getTime() ?? Date.now()) + config.WEBHOOK_RETRY_WINDOW_MS,
                at: delivery.next_attempt_at?.getTime(),
              };
        return launchDelivery(db, temporal, config, delivery.id, resume);
      });
      if (due.length < LAUNCHES_PER_ROUND) return;
    }
  }
}

/** Runs `work` on every item, at most `limit` at once; rejects with the first failure, after all ran. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const failures: unknown[] = [];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      await work(item).catch((error: unknown) => failures.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
  if (failures.length > 0) throw failures[0];
}
