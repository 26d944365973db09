import type { Prisma } from '../db/client';
import type { EventRow } from './present';

export interface EventPage {
  /** Only events with a higher seq; unset: from the start. */
  after?: bigint;
  /** Only events up to this seq. */
  upTo?: bigint;
  where?: Prisma.EventWhereInput;
  take: number;
}

/**
 * One page of the event log in seq order: how every reader (listings, streams, the feed, the
 * webhook dispatcher) reads it. Events not yet sequenced have no seq and are never on a page,
 * which is what makes "after seq N" gap-free (see sequenceEvents).
 */
export async function readEvents(db: Prisma.TransactionClient, page: EventPage): Promise<EventRow[]> {
  const events = await db.event.findMany({
    where: { ...page.where, seq: { not: null, gt: page.after, lte: page.upTo } },
    orderBy: { seq: 'asc' },
    take: page.take,
  });
  return events as EventRow[];
}
