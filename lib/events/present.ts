import type { Event } from '../generated/prisma/client';

/** An event as readers see it: sequenced (lib/db/task-events.ts), so it has its seq. */
export type EventRow = Event & { seq: bigint };

/** An event as clients see it: in listings, on the SSE stream and in webhook bodies. */
export function presentEvent(event: EventRow) {
  return {
    event_id: event.id,
    seq: Number(event.seq),
    type: event.type,
    tenant_id: event.tenantId,
    task_id: event.taskId,
    agent: event.agent,
    data: event.data,
    created_at: event.createdAt.toISOString(),
  };
}

export type PresentedEvent = ReturnType<typeof presentEvent>;
