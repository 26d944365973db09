import type { EventType } from '../../workflows/model';
import type { Database, Prisma } from './client';
import { announceEventsCommitted, markEventsAppended } from './event-commits';

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

export interface AppendResult {
  outcome: AppendOutcome;
  /** When the task was created (null if it is missing). */
  taskCreatedAt: Date | null;
}

/** Columns of the task's projection an append sets with its events; absent ones stay as they are. */
export interface TaskColumnsPatch {
  status?: string;
  started_at?: string;
  completed_at?: string | null;
  error_code?: string | null;
  error_message?: string | null;
  output?: unknown;
  progress?: number;
  progress_message?: string | null;
  executions?: unknown;
  feedback?: string | null;
}

export interface AppendOptions {
  /** Skip the write unless the task is in this status (a late write from a stopped agent must not land after the stop). */
  onlyWhileStatus?: string;
  /** Applied to the task with the events, and only if they are appended. */
  patch?: TaskColumnsPatch;
}

/** A client or a transaction: what a single statement runs on. */
export type Queryable = Pick<Prisma.TransactionClient, '$queryRaw'>;

/** The one statement (SQL function `append_task_events`, migration `append_task_events`). */
async function appendStatement(db: Queryable, owner: TaskEventOwner, events: TaskEventDraft[], at: Date, options: AppendOptions): Promise<AppendResult> {
  const drafts = JSON.stringify(events.map(({ id, type, data }) => ({ id, type, data })));
  const patch = options.patch ? JSON.stringify(options.patch) : null;
  const [row] = await db.$queryRaw<{ outcome: AppendOutcome; task_created_at: Date | null }[]>`
    SELECT outcome, task_created_at FROM append_task_events(${owner.taskId}, ${owner.tenantId}, ${owner.agent}, ${drafts}::jsonb,
                                                           ${at}::timestamptz, ${options.onlyWhileStatus ?? null}::text, ${patch}::jsonb)`;
  if (!row) throw new Error('append_task_events returned no row');
  return { outcome: row.outcome, taskCreatedAt: row.task_created_at };
}

/**
 * Appends events to a task's log inside the caller's transaction and numbers them with the next
 * per-task sequence numbers, applying `options.patch` to the task with them. The task row is
 * locked first, so sequence order is commit order whoever writes (workflow transitions, running
 * agents, the API). Event IDs are chosen by the writer and stable across retries: if the first
 * one is already stored this write happened before, and nothing is written again.
 *
 * The events are stored unsequenced: no global lock, so appends to different tasks commit in
 * parallel. They get their global `seq` from `sequenceEvents` after commit, and only then do
 * readers see them; the commit wakes this process's event feeds, which sequence at once.
 */
export async function appendTaskEvents(
  tx: Prisma.TransactionClient,
  owner: TaskEventOwner,
  events: TaskEventDraft[],
  at: Date,
  options: AppendOptions = {},
): Promise<AppendResult> {
  const result = await appendStatement(tx, owner, events, at, options);
  if (result.outcome === 'appended' && events.length > 0) markEventsAppended(tx);
  return result;
}

interface WaitingAppend {
  owner: TaskEventOwner;
  events: TaskEventDraft[];
  at: Date;
  options: AppendOptions;
  settle: (result: Promise<AppendResult>) => void;
}

/** Per database, the appends waiting for the batch that this event-loop turn is gathering. */
const gathering = new WeakMap<Database, WaitingAppend[]>();

/**
 * appendTaskEvents as a transaction of its own, for writers with nothing else to commit with
 * their events (a running agent's progress and tool calls, a transition without artifacts).
 * Appends made in the same event-loop turn are written together, in one statement
 * (`append_task_events_batch`): many agents reporting at once cost one round trip and one commit,
 * not one each. Each append keeps its own outcome; if the batch fails, each is written alone, so
 * one bad append fails only itself.
 */
export function appendTaskEventsAlone(
  db: Database,
  owner: TaskEventOwner,
  events: TaskEventDraft[],
  at: Date,
  options: AppendOptions = {},
): Promise<AppendResult> {
  return new Promise((resolve) => {
    let batch = gathering.get(db);
    if (!batch) {
      const gathered: WaitingAppend[] = (batch = []);
      gathering.set(db, gathered);
      setImmediate(() => {
        gathering.delete(db);
        void writeBatch(db, gathered);
      });
    }
    batch.push({ owner, events, at, options, settle: resolve });
  });
}

async function writeBatch(db: Database, batch: WaitingAppend[]): Promise<void> {
  const alone = (append: WaitingAppend) => append.settle(announced(db, append, appendStatement(db, append.owner, append.events, append.at, append.options)));
  if (batch.length === 1) return batch.forEach(alone);
  const appends = batch.map(({ owner, events, at, options }) => ({
    task_id: owner.taskId,
    tenant_id: owner.tenantId,
    agent: owner.agent,
    drafts: events.map(({ id, type, data }) => ({ id, type, data })),
    at: at.toISOString(),
    only_while_status: options.onlyWhileStatus ?? null,
    patch: options.patch ?? null,
  }));
  let results: AppendResult[];
  try {
    const [row] = await db.$queryRaw<{ results: { outcome: AppendOutcome; task_created_at: string | null }[] }[]>`
      SELECT append_task_events_batch(${JSON.stringify(appends)}::jsonb) AS results`;
    results = (row?.results ?? []).map(({ outcome, task_created_at }) => ({ outcome, taskCreatedAt: task_created_at === null ? null : new Date(task_created_at) }));
  } catch {
    return batch.forEach(alone);
  }
  if (batch.some((append, index) => results[index]?.outcome === 'appended' && append.events.length > 0)) announceEventsCommitted(db);
  batch.forEach((append, index) => append.settle(Promise.resolve(results[index] ?? { outcome: 'missing', taskCreatedAt: null })));
}

/** An append's outcome, announcing the commit once it is known to have appended events. */
async function announced(db: Database, append: WaitingAppend, written: Promise<AppendResult>): Promise<AppendResult> {
  const result = await written;
  if (result.outcome === 'appended' && append.events.length > 0) announceEventsCommitted(db);
  return result;
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
