import type { Request, Response } from 'express';
import type { Database, Prisma } from '../../lib/db/client';
import type { EventFeed } from '../../lib/events/feed';
import { type EventRow, presentEvent } from '../../lib/events/present';
import { readEvents } from '../../lib/events/read';
import { sseClients } from '../../lib/metrics/process-metrics';

export interface StreamFilter {
  tenantId: string;
  taskId?: string;
  agent?: string;
  types?: string[];
}

export interface StreamOptions {
  db: Database;
  feed: EventFeed;
  filter: StreamFilter;
  /** Replay the events after this seq first; unset: only what happens from now on. */
  lastEventId?: bigint;
  keepAliveMs: number;
  /** A client this many events behind is dropped: memory per connection stays bounded. */
  maxQueuedEvents: number;
  /** After this long the stream ends and the client resumes with Last-Event-ID; 0: never. */
  maxStreamMs: number;
}

const REPLAY_PAGE_SIZE = 200;

export function eventFilterWhere(filter: StreamFilter): Prisma.EventWhereInput {
  return { tenantId: filter.tenantId, taskId: filter.taskId, agent: filter.agent, type: filter.types && { in: filter.types } };
}

/** Within the tenant: the feed delivers only the tenant's events. */
function matches(filter: StreamFilter, event: EventRow): boolean {
  return (
    (filter.taskId === undefined || event.taskId === filter.taskId) &&
    (filter.agent === undefined || event.agent === filter.agent) &&
    (filter.types === undefined || filter.types.includes(event.type))
  );
}

const drainedOrClosed = (res: Response) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });

// The feed hands one EventRow to every stream: each is formatted once, not once per connection.
const frames = new WeakMap<EventRow, string>();
function frame(event: EventRow): string {
  let text = frames.get(event);
  if (text === undefined) frames.set(event, (text = `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(presentEvent(event))}\n\n`));
  return text;
}

/**
 * Serves one SSE connection: subscribes to the process's feed first (live events queue up),
 * replays (Last-Event-ID, feed position] from the table, then sends the queue and stays live.
 * `sentSeq` only grows, so the overlap of replay and live can never send an event twice.
 */
export async function streamEvents(req: Request, res: Response, options: StreamOptions): Promise<void> {
  const { filter } = options;
  const queue: EventRow[] = [];
  let replaying = true;
  let awaitingDrain = false;
  let closed = false;

  const subscription = options.feed.subscribe({
    event(event) {
      if (!matches(filter, event)) return;
      queue.push(event);
      if (queue.length > options.maxQueuedEvents) return finish(`dropped: more than ${options.maxQueuedEvents} events behind`);
      if (!replaying && !awaitingDrain) sendQueued();
    },
    end: () => finish('server shutting down'),
  }, filter.tenantId);
  let sentSeq = options.lastEventId ?? subscription.position;

  const keepAlive = setInterval(() => {
    if (!awaitingDrain) res.write(': keep-alive\n\n');
  }, options.keepAliveMs);
  const timeLimit = options.maxStreamMs > 0 ? setTimeout(() => finish(`open for ${options.maxStreamMs} ms, the limit`), options.maxStreamMs) : undefined;
  sseClients.inc();
  const close = () => {
    if (closed) return;
    closed = true;
    sseClients.dec();
    subscription.unsubscribe();
    clearInterval(keepAlive);
    clearTimeout(timeLimit);
  };
  res.on('close', close);

  /** Writes one event unless already sent; false when the socket wants a drain first. */
  const send = (event: EventRow): boolean => {
    if (event.seq <= sentSeq) return true;
    sentSeq = event.seq;
    return res.write(frame(event));
  };
  function sendQueued(): void {
    while (queue.length > 0 && !closed) {
      if (!send(queue.shift()!)) {
        awaitingDrain = true;
        res.once('drain', () => {
          awaitingDrain = false;
          sendQueued();
        });
        return;
      }
    }
  }
  /** Ends the stream with a last comment saying why and where to resume. */
  function finish(reason: string): void {
    if (closed) return;
    queue.length = 0;
    close();
    res.end(`: ${reason}; reconnect with Last-Event-ID: ${sentSeq}\n\n`);
    // A client that reads nothing at all would hold the socket and its buffer forever.
    setTimeout(() => res.destroy(), options.keepAliveMs).unref();
  }

  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    // Reverse proxies (nginx) must not buffer the stream.
    'X-Accel-Buffering': 'no',
  });
  res.write(': connected\n\n');

  try {
    const upTo = subscription.position;
    while (!closed && sentSeq < upTo) {
      const page = await readEvents(options.db, { after: sentSeq, upTo, where: eventFilterWhere(filter), take: REPLAY_PAGE_SIZE });
      for (const event of page) {
        if (closed) break;
        if (!send(event)) await drainedOrClosed(res);
      }
      // Nothing more matches up to the feed's position: the replay is complete.
      if (page.length < REPLAY_PAGE_SIZE) sentSeq = sentSeq > upTo ? sentSeq : upTo;
    }
    replaying = false;
    sendQueued();
  } catch (error) {
    req.log.warn({ err: error }, 'event stream: replay failed; closing so the client resumes');
    close();
    res.end();
  }
}
