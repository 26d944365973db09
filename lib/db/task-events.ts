import type { EventType } from '../../workflows/model';
import type { Database, Prisma } from './client';
import { markEventsAppended } from './event-commits';

/** The sequencer NOTIFYs this channel when it has sequenced events; listeners re-read the table. */
export const EVENT_LOG_CHANNEL = 'taskwright_events';

// Bounds one sequencer transaction; a larger backlog takes several.
const SEQUENCER_BATCH = 5_000;

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
 * The events are stored unsequenced: no global lock, so appends to different tasks commit in
 * parallel. They get their global `seq` from `sequenceEvents` after commit, and only then do
 * readers see them; the commit wakes this process's event feeds, which sequence at once.
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
  const [task] = await tx.$queryRaw<{ last_seq: number; status: string }[]>`
    SELECT last_seq, status FROM tasks WHERE id = ${owner.taskId} AND tenant_id = ${owner.tenantId} FOR UPDATE`;
  if (!task) return 'missing';
  const [first] = events;
  if (!first) return 'appended';
  // Statements from here on start after the row lock is held: they see an earlier attempt.
  if (options.onlyWhileStatus !== undefined && task.status !== options.onlyWhileStatus) {
    return (await tx.event.findUnique({ where: { id: first.id }, select: { id: true } })) ? 'duplicate' : 'skipped';
  }

  const drafts = JSON.stringify(events.map(({ id, type, data }) => ({ id, type, data })));
  const [written] = await tx.$queryRaw<{ appended: boolean }[]>`
    WITH inserted AS (
      INSERT INTO events (id, tenant_id, task_id, task_seq, agent, type, data, created_at)
      SELECT draft->>'id', ${owner.tenantId}, ${owner.taskId}, ${task.last_seq}::int + ordinal::int, ${owner.agent},
             draft->>'type', draft->'data', ${at}
        FROM jsonb_array_elements(${drafts}::jsonb) WITH ORDINALITY AS drafts(draft, ordinal)
       WHERE NOT EXISTS (SELECT 1 FROM events WHERE id = ${first.id})
      RETURNING 1
    ), task_update AS (
      UPDATE tasks SET last_seq = ${task.last_seq + events.length}::int, updated_at = ${at}
       WHERE id = ${owner.taskId} AND EXISTS (SELECT 1 FROM inserted)
    )
    SELECT EXISTS (SELECT 1 FROM inserted) AS appended`;
  if (!written?.appended) return 'duplicate';
  markEventsAppended(tx);
  return 'appended';
}

/**
 * The sequencer: gives every committed unsequenced event its global `seq`, and returns how many
 * it numbered. Any process may run it at any time (each event feed does before it reads).
 *
 * Why readers never skip an event: seq values are drawn only here, inside one transaction at a
 * time (an advisory lock held until commit), for rows already committed. So seqs become visible
 * in increasing order: a reader that has seen seq N has seen every seq below N that will ever
 * exist, and "resume after N" is gap-free. A transaction still open when the sequencer runs is
 * simply numbered by a later run, above everything numbered before.
 *
 * Within one run, events are ordered by time, but never ahead of an earlier event of their own
 * task (the running maximum of created_at by task_seq), so each task's seq order is its task_seq
 * order. Rows locked by a transaction deleting their task are skipped, not waited for. The run
 * NOTIFYs EVENT_LOG_CHANNEL when it numbered anything.
 *
 * The work is the SQL function `sequence_events` (migration `event_sequencer`): one statement, so
 * the lock is held for no client round trip.
 */
export async function sequenceEvents(db: Database): Promise<number> {
  let total = 0;
  for (;;) {
    const [run] = await db.$queryRaw<{ numbered: number }[]>`SELECT sequence_events(${EVENT_LOG_CHANNEL}, ${SEQUENCER_BATCH}::int) AS numbered`;
    const numbered = run?.numbered ?? 0;
    total += numbered;
    if (numbered < SEQUENCER_BATCH) return total;
  }
}
