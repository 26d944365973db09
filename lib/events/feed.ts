import { Client } from 'pg';
import type { Database } from '../db/client';
import { onEventsCommitted } from '../db/event-commits';
import { EVENT_LOG_CHANNEL, sequenceEvents } from '../db/task-events';
import type { Logger } from '../logger';
import { SerialRunner } from '../serial-runner';
import type { EventRow } from './present';
import { readEvents } from './read';

export interface EventFeedOptions {
  db: Database;
  /** PostgreSQL to LISTEN on for other processes' events; unset on the embedded database. */
  listenUrl?: string;
  /** How often the table is checked without a wake-up: the safety net. */
  pollIntervalMs: number;
  logger: Logger;
}

export interface EventSubscriber {
  event(event: EventRow): void;
  /** The feed stopped (the process is shutting down): no more events will come. */
  end(): void;
}

const PAGE_SIZE = 500;
const RELISTEN_DELAY_MS = 1_000;

/**
 * One per process: sequences committed events and follows the events table in seq order, fanning
 * each new event out to the in-process subscribers (SSE connections) and waking followers (the
 * webhook dispatcher). Reading "seq > position" is gap-free because seqs become visible in
 * increasing order (sequenceEvents).
 *
 * Wake-ups: an append committed in this process (it sequences, then reads at once), a NOTIFY
 * from a sequencer in another process (it reads), and the poll (it sequences and reads: events
 * appended by a process that did not sequence them). The table is the truth and the wake-ups only
 * hints: a missed one (a dropped LISTEN connection, or no LISTEN at all on the embedded database,
 * whose socket server shares one session between connections) costs latency up to one poll
 * interval, never an event.
 */
export class EventFeed {
  private position = 0n;
  private sequencingRequested = false;
  // By tenant, so an event reaches only its own tenant's connections (the key `undefined`: every
  // tenant's, for in-process consumers that want everything).
  private readonly subscribers = new Map<string | undefined, Set<EventSubscriber>>();
  private subscriberCount = 0;
  private readonly followers = new Set<() => void>();
  private readonly reader: SerialRunner;
  private listener: Client | undefined;
  private stopFollowingCommits: (() => void) | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private relistenTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: EventFeedOptions) {
    this.reader = new SerialRunner(
      () => this.readNew(),
      (error) => options.logger.warn({ err: error }, 'event feed: could not read the event log'),
    );
  }

  async start(): Promise<void> {
    this.position = await this.highestSeq();
    if (this.options.listenUrl) await this.listen(this.options.listenUrl);
    this.stopFollowingCommits = onEventsCommitted(this.options.db, () => this.sequenceThenRead());
    this.pollTimer = setInterval(() => this.sequenceThenRead(), this.options.pollIntervalMs);
    this.pollTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopFollowingCommits?.();
    clearInterval(this.pollTimer);
    clearTimeout(this.relistenTimer);
    for (const group of this.subscribers.values()) for (const subscriber of group) subscriber.end();
    this.subscribers.clear();
    this.subscriberCount = 0;
    this.followers.clear();
    await this.listener?.end().catch(() => undefined);
    await this.reader.stop();
  }

  /**
   * Calls `subscriber` with every event committed after this call, in seq order. `position` is the
   * highest seq already published: a subscriber replays (its cursor, position] from the table
   * and gets the rest from here, with no gap and no overlap. With `tenantId`, only that tenant's
   * events are delivered.
   */
  subscribe(subscriber: EventSubscriber, tenantId?: string): { position: bigint; unsubscribe: () => void } {
    let group = this.subscribers.get(tenantId);
    if (!group) this.subscribers.set(tenantId, (group = new Set()));
    group.add(subscriber);
    this.subscriberCount += 1;
    const unsubscribe = () => {
      if (!group.delete(subscriber)) return;
      this.subscriberCount -= 1;
      if (group.size === 0 && this.subscribers.get(tenantId) === group) this.subscribers.delete(tenantId);
    };
    return { position: this.position, unsubscribe };
  }

  /** Calls `follower` whenever new events were seen; it reads the table itself. */
  follow(follower: () => void): () => void {
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  /** Reads what is new; wake-ups during a read coalesce into one more read. */
  wake(): void {
    this.reader.request();
  }

  /** Sequences committed events first, then reads. */
  private sequenceThenRead(): void {
    this.sequencingRequested = true;
    this.reader.request();
  }

  private async readNew(): Promise<void> {
    if (this.sequencingRequested) {
      // Cleared first: a commit during this run requests another one.
      this.sequencingRequested = false;
      await sequenceEvents(this.options.db);
    }
    const before = this.position;
    for (;;) {
      if (this.subscriberCount === 0) {
        // Nobody needs the rows themselves: just move past them.
        const highest = await this.highestSeq();
        // Unless someone subscribed meanwhile: they were promised everything after `position`.
        if (this.subscriberCount === 0) {
          if (highest > this.position) this.position = highest;
          break;
        }
      }
      const events = await readEvents(this.options.db, { after: this.position, take: PAGE_SIZE });
      // Synchronously, so a subscribe() never falls between a position and its events.
      for (const event of events) {
        this.position = event.seq;
        for (const key of [event.tenantId, undefined]) this.subscribers.get(key)?.forEach((subscriber) => subscriber.event(event));
      }
      if (events.length < PAGE_SIZE || this.stopped) break;
    }
    if (this.position > before) for (const follower of this.followers) follower();
  }

  private async highestSeq(): Promise<bigint> {
    const { _max } = await this.options.db.event.aggregate({ _max: { seq: true } });
    return _max.seq ?? 0n;
  }

  private async listen(url: string): Promise<void> {
    const client = new Client({ connectionString: url });
    this.listener = client;
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.options.logger.warn({ err: error }, 'event feed: LISTEN connection lost; polling until it is back');
      this.relisten(url, client);
    });
    client.on('end', () => this.relisten(url, client));
    await client.connect();
    await client.query(`LISTEN ${EVENT_LOG_CHANNEL}`);
    // Anything committed while the connection was down.
    this.wake();
  }

  private relisten(url: string, lost: Client): void {
    if (this.stopped || this.listener !== lost || this.relistenTimer) return;
    this.listener = undefined;
    this.relistenTimer = setTimeout(() => {
      this.relistenTimer = undefined;
      this.listen(url).catch((error: unknown) => {
        this.options.logger.warn({ err: error }, 'event feed: could not LISTEN; retrying');
        this.relisten(url, this.listener ?? lost);
      });
    }, RELISTEN_DELAY_MS);
    this.relistenTimer.unref();
  }
}
