import type { AgentRegistry } from '../../agents/registry';
import { newId } from '../ids';
import type { Database, Prisma } from './client';
import { announceEventsCommitted, markEventsAppended } from './event-commits';
import type { Queryable, TaskEventDraft } from './task-events';

/** What started a task (SPEC section 12): `api` unless a schedule, trigger, channel, rerun or the dashboard did. */
export interface TaskTrigger {
  type: 'api' | 'schedule' | 'event' | 'channel' | 'rerun' | 'dashboard';
  sourceId?: string;
  sourceTaskId?: string;
  sourceArtifactId?: string;
  channel?: string;
  /** How many event triggers led here. */
  depth?: number;
}

export interface NewTask {
  id: string;
  tenantId: string;
  agent: string;
  taskType: string;
  /** Already validated against the agent's manifest. */
  input: Prisma.InputJsonObject;
  /** The task queue its workflow starts on (task_starts.task_queue). */
  taskQueue: string;
  deferred?: boolean;
  priority?: string;
  sessionId?: string | null;
  title?: string | null;
  description?: string | null;
  type?: string | null;
  skills?: string[];
  ownerEmail?: string | null;
  assignedUsers?: string[];
  followers?: string[];
  idempotencyKey?: string;
  requestHash?: string;
  trigger?: TaskTrigger;
}

/** The per-tenant limits every task creation checks. */
export interface TaskLimits {
  /** TENANT_MAX_QUEUED_TASKS: how many of a tenant's tasks may wait queued at once. */
  maxQueued: number;
}

/** The tenant already has `limit` tasks queued: a new queued task would exceed TENANT_MAX_QUEUED_TASKS. */
export class QueuedTaskLimitReached extends Error {
  constructor(
    readonly queued: number,
    readonly limit: number,
  ) {
    super(`The tenant has ${queued} tasks queued, its limit of ${limit}`);
    this.name = 'QueuedTaskLimitReached';
  }
}

/** A task's ID (or its idempotency key) is taken: an earlier attempt, or a concurrent one, created it. */
export class TaskAlreadyExists extends Error {
  constructor(readonly taskId: string) {
    super(`Task ${taskId} (or one with its idempotency key) already exists`);
    this.name = 'TaskAlreadyExists';
  }
}

/** The row's columns by name, as the SQL function `create_task` takes them. */
function taskColumns(task: NewTask, status: string): Record<string, unknown> {
  const { trigger = { type: 'api' } } = task;
  return {
    id: task.id,
    tenant_id: task.tenantId,
    agent: task.agent,
    task_type: task.taskType,
    input: task.input,
    status,
    priority: task.priority,
    session_id: task.sessionId,
    title: task.title,
    description: task.description,
    type: task.type,
    skills: task.skills,
    owner_email: task.ownerEmail,
    assigned_users: task.assignedUsers,
    followers: task.followers,
    idempotency_key: task.idempotencyKey,
    request_hash: task.requestHash,
    trigger_type: trigger.type,
    trigger_source: trigger.sourceId,
    trigger_task_id: trigger.sourceTaskId,
    trigger_artifact_id: trigger.sourceArtifactId,
    trigger_channel: trigger.channel,
    trigger_depth: trigger.depth ?? 0,
  };
}

/** The one statement that creates a task (SQL function `create_task`, migration `create_task`). */
async function createTaskStatement(
  db: Queryable,
  columns: Record<string, unknown>,
  events: TaskEventDraft[],
  options: { taskQueue: string | null; maxQueued: number | null },
): Promise<void> {
  const [result] = await db.$queryRaw<{ outcome: 'created' | 'exists' | 'too_many_queued'; queued: number | null }[]>`
    SELECT outcome, queued FROM create_task(${JSON.stringify(columns)}::jsonb, ${JSON.stringify(events)}::jsonb,
                                            ${options.taskQueue}::text, ${options.maxQueued}::int)`;
  if (result?.outcome === 'exists') throw new TaskAlreadyExists(String(columns.id));
  if (result?.outcome === 'too_many_queued') throw new QueuedTaskLimitReached(result.queued ?? 0, options.maxQueued ?? 0);
  if (result?.outcome !== 'created') throw new Error(`create_task answered ${JSON.stringify(result)}`);
}

/** A queued task, or a pending one when deferred, with its `task.created` and its outbox row. */
function createStartableTask(db: Queryable, task: NewTask, limits: TaskLimits): Promise<void> {
  const status = task.deferred ? 'pending' : 'queued';
  const created = { id: newId('evt'), type: 'task.created' as const, data: { task_id: task.id, agent: task.agent, task_type: task.taskType, from: null, to: status } };
  return createTaskStatement(db, taskColumns(task, status), [created], { taskQueue: task.taskQueue, maxQueued: limits.maxQueued });
}

/**
 * Creates a task inside the caller's transaction: its row, `task.created`, and the `task_starts`
 * outbox row from which a TaskStarter starts its workflow once this transaction has committed.
 * Every way a task comes to be (API, schedule, trigger, channel, rerun) goes through here, so
 * each is held to TENANT_MAX_QUEUED_TASKS: a queued task beyond it throws QueuedTaskLimitReached
 * (a deferred one waits `pending`, outside the limit). A taken ID or idempotency key throws
 * TaskAlreadyExists. Either way nothing was written and the transaction can go on.
 */
export async function insertTask(tx: Prisma.TransactionClient, task: NewTask, limits: TaskLimits): Promise<void> {
  await createStartableTask(tx, task, limits);
  markEventsAppended(tx);
}

/** insertTask as a transaction of its own: one round trip, for a task created with nothing else. */
export async function insertTaskAlone(db: Database, task: NewTask, limits: TaskLimits): Promise<void> {
  await createStartableTask(db, task, limits);
  announceEventsCommitted(db);
}

/**
 * Records a task that could not start (e.g. a trigger chain past its depth limit, or a mapped
 * input its agent refuses) as failed with `error`, without a workflow, so the refusal is as
 * visible as any other failure: the task, `task.created`, `task.failed`, and webhooks.
 */
export async function insertFailedTask(tx: Prisma.TransactionClient, task: NewTask, error: { code: string; message: string }): Promise<void> {
  const columns = { ...taskColumns(task, 'failed'), error_code: error.code, error_message: error.message, completed_at: new Date().toISOString() };
  await createTaskStatement(
    tx,
    columns,
    [
      { id: newId('evt'), type: 'task.created', data: { task_id: task.id, agent: task.agent, task_type: task.taskType, from: null, to: 'failed' } },
      { id: newId('evt'), type: 'task.failed', data: { task_id: task.id, from: null, to: 'failed', error } },
    ],
    { taskQueue: null, maxQueued: null },
  );
  markEventsAppended(tx);
}

/**
 * For tasks the server starts on its own (schedules, triggers, channel rules), whose input was
 * put together after anyone could be told it was wrong: validates it against the agent's manifest
 * and creates the task, or else records it failed with `refusal.code` and a message saying which
 * fields were refused (`refusal.explain` puts that in context). Past the tenant's queued limit
 * it is recorded failed with `too_many_queued_tasks`: nobody is there to be told to retry.
 */
export async function insertTaskIfValid(
  tx: Prisma.TransactionClient,
  agents: AgentRegistry,
  task: NewTask,
  refusal: { code: string; explain: (reason: string) => string },
  limits: TaskLimits,
): Promise<void> {
  const parsed = (await agents.find(task.tenantId, task.agent))?.taskTypes[task.taskType]?.input.safeParse(task.input);
  if (parsed?.success) {
    try {
      return await insertTask(tx, { ...task, input: parsed.data as Prisma.InputJsonObject }, limits);
    } catch (error) {
      // Thrown before anything was written: the transaction goes on.
      if (!(error instanceof QueuedTaskLimitReached)) throw error;
      return insertFailedTask(tx, task, { code: 'too_many_queued_tasks', message: `Not started: ${error.message} (TENANT_MAX_QUEUED_TASKS).` });
    }
  }
  const reason = parsed
    ? parsed.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`).join('; ')
    : `${task.agent} has no task type ${task.taskType} any more`;
  return insertFailedTask(tx, task, { code: refusal.code, message: refusal.explain(reason) });
}
