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
 * webhook dispatcher) reads it.
 */
export async function readEvents(db: Prisma.TransactionClient, page: EventPage): Promise<EventRow[]> {
  return db.event.findMany({ where: { ...page.where, seq: { gt: page.after, lte: page.upTo } }, orderBy: { seq: 'asc' }, take: page.take });
}
