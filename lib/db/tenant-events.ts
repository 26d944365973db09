import type { EventType } from '../../workflows/model';
import type { Prisma } from './client';
import { markEventsAppended } from './event-commits';

/**
 * Appends an event that belongs to no single task (e.g. a session's message or closing) inside
 * the caller's transaction. Like task events it is sequenced after commit, and only then seen by
 * readers, streams and webhooks.
 */
export async function appendTenantEvent(tx: Prisma.TransactionClient, event: { id: string; tenantId: string; type: EventType; data: Record<string, unknown>; at: Date }): Promise<void> {
  await tx.event.create({ data: { id: event.id, tenantId: event.tenantId, type: event.type, data: event.data as Prisma.InputJsonObject, createdAt: event.at } });
  markEventsAppended(tx);
}
