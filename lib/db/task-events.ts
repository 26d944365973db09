import type { EventType } from '../../workflows/model';
import type { Database, Prisma } from './client';
import { markEventsAppended } from './event-commits';

/** Every append NOTIFYs this channel at commit; listeners re-read the events table. */
export const EVENT_LOG_CHANNEL = 'taskwright_events';

// Arbitrary constant naming the event log's append lock among the database's advisory locks.
const EVENT_LOG_APPEND_LOCK = 7_314_529_001;

/**
 * Run first in every transaction that inserts events, before any row lock.
 *
 * `seq` is a bigserial: it is allocated at insert time, not at commit time. Without this lock a
 * transaction holding seq 41 could commit after one holding 42, and a reader that has seen 42 and
 * resumes "after 42" would never see 41. The transaction-scoped lock is held from before the insert
 * until commit, so appends commit one at a time in seq order: every reader that sees seq N sees
 * every lower seq that will ever exist. The NOTIFY is delivered at commit (dropped on rollback).
 */
function claimEventLog(client: Prisma.TransactionClient | Database) {
  return client.$executeRaw`SELECT pg_advisory_xact_lock(${EVENT_LOG_APPEND_LOCK}::bigint), pg_notify(${EVENT_LOG_CHANNEL}, '')`;
}

export interface TaskEventDraft {
  id: string;
  type: EventType;
  data: Record<string, unknown>;
}

export interface TaskEventOwner {
  taskId: string;
  tenantId: string;
  agent: string;
}

export type AppendOutcome = 'appended' | 'duplicate' | 'missing' | 'skipped';

/**
 * Appends events to a task's log inside the caller's transaction and numbers them with the next
 * per-task sequence numbers. The task row is locked first, so sequence order is commit order
 * whoever writes (workflow transitions, running agents, the API). Event IDs are chosen by the
 * writer and stable across retries: if the first one is already stored this write happened
 * before, and nothing is written again.
 *
 * Appends are serialized by `claimEventLog`, so global `seq` order is commit order too, and
 * every append wakes the event readers of every process (SSE, webhook dispatch): its own process's
 * at once when it commits (markEventsAppended), the others' through the NOTIFY.
 *
 * `onlyWhileStatus` skips the write unless the task is in that status (a late write from an agent
 * that was stopped must not land after the stop).
 */
export async function appendTaskEvents(
  tx: Prisma.TransactionClient,
  owner: TaskEventOwner,
  events: TaskEventDraft[],
  at: Date,
  options: { onlyWhileStatus?: string } = {},
): Promise<AppendOutcome> {
  await claimEventLog(tx);
  const [task] = await tx.$queryRaw<{ last_seq: number; status: string }[]>`
    SELECT last_seq, status FROM tasks WHERE id = ${owner.taskId} AND tenant_id = ${owner.tenantId} FOR UPDATE`;
  if (!task) return 'missing';
  const [first] = events;
  if (!first) return 'appended';
  if (await tx.event.findUnique({ where: { id: first.id }, select: { id: true } })) return 'duplicate';
  if (options.onlyWhileStatus !== undefined && task.status !== options.onlyWhileStatus) return 'skipped';

  await tx.event.createMany({
    data: events.map((event, index) => ({
      id: event.id,
      tenantId: owner.tenantId,
      taskId: owner.taskId,
      taskSeq: task.last_seq + 1 + index,
      agent: owner.agent,
      type: event.type,
      data: event.data as Prisma.InputJsonObject,
      createdAt: at,
    })),
  });
  await tx.task.update({
    where: { id: owner.taskId },
    data: { lastSeq: task.last_seq + events.length, updatedAt: at },
  });
  markEventsAppended(tx);
  return 'appended';
}
