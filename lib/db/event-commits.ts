import type { Prisma, PrismaClient } from '../generated/prisma/client';

/** Interactive transactions in which appendTaskEvents wrote events. */
const appendedIn = new WeakSet<Prisma.TransactionClient>();
const listeners = new WeakMap<PrismaClient, Set<() => void>>();

/** Called by appendTaskEvents: `tx` holds events that become sequenceable once it commits. */
export function markEventsAppended(tx: Prisma.TransactionClient): void {
  appendedIn.add(tx);
}

/**
 * Calls `listener` right after each interactive transaction of `db` that appended events has
 * committed. This process's event feeds listen, so they sequence and publish a local append at
 * once rather than at their next poll (the only other wake-up of the embedded database).
 */
export function onEventsCommitted(db: PrismaClient, listener: () => void): () => void {
  let forDb = listeners.get(db);
  if (!forDb) listeners.set(db, (forDb = new Set()));
  forDb.add(listener);
  return () => forDb.delete(listener);
}

/** Tells `client`'s onEventsCommitted listeners that events were committed. */
export function announceEventsCommitted(client: PrismaClient): void {
  for (const listener of listeners.get(client) ?? []) listener();
}

/**
 * Wraps `client.$transaction` so that commits of transactions marked by `markEventsAppended`
 * reach `onEventsCommitted` listeners. appendTaskEvents runs inside its caller's transaction and
 * cannot see the commit; `$transaction` resolving is where the commit is known, for every writer.
 */
export function announceEventCommits(client: PrismaClient): PrismaClient {
  const transaction = client.$transaction.bind(client) as (work: unknown, options?: unknown) => Promise<unknown>;
  const announcing = async (work: unknown, options?: unknown) => {
    if (typeof work !== 'function') return transaction(work, options);
    let used: Prisma.TransactionClient | undefined;
    const result = await transaction((tx: Prisma.TransactionClient) => {
      used = tx;
      return work(tx);
    }, options);
    if (used && appendedIn.has(used)) announceEventsCommitted(client);
    return result;
  };
  client.$transaction = announcing as PrismaClient['$transaction'];
  return client;
}
