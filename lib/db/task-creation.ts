import type { AgentRegistry } from '../../agents/registry';
import type { Task } from '../generated/prisma/client';
import { newId } from '../ids';
import type { Prisma } from './client';
import { appendTaskEvents } from './task-events';

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

function taskRow(task: NewTask, status: string): Prisma.TaskUncheckedCreateInput {
  const { trigger = { type: 'api' } } = task;
  return {
    id: task.id,
    tenantId: task.tenantId,
    agent: task.agent,
    taskType: task.taskType,
    input: task.input,
    status,
    priority: task.priority,
    sessionId: task.sessionId,
    title: task.title,
    description: task.description,
    type: task.type,
    skills: task.skills,
    ownerEmail: task.ownerEmail,
    assignedUsers: task.assignedUsers,
    followers: task.followers,
    idempotencyKey: task.idempotencyKey,
    requestHash: task.requestHash,
    triggerType: trigger.type,
    triggerSource: trigger.sourceId,
    triggerTaskId: trigger.sourceTaskId,
    triggerArtifactId: trigger.sourceArtifactId,
    triggerChannel: trigger.channel,
    triggerDepth: trigger.depth ?? 0,
  };
}

/**
 * Creates a task inside the caller's transaction: its row, `task.created`, and the `task_starts`
 * outbox row from which a TaskStarter starts its workflow once this transaction has committed.
 * Every way a task comes to be (API, schedule, trigger, channel, rerun) goes through here, so
 * each is held to TENANT_MAX_QUEUED_TASKS: a queued task beyond it throws QueuedTaskLimitReached
 * (a deferred one waits `pending`, outside the limit).
 */
export async function insertTask(tx: Prisma.TransactionClient, task: NewTask, limits: TaskLimits): Promise<Task> {
  const status = task.deferred ? 'pending' : 'queued';
  if (status === 'queued') {
    const queued = await tx.task.count({ where: { tenantId: task.tenantId, status: 'queued' } });
    if (queued >= limits.maxQueued) throw new QueuedTaskLimitReached(queued, limits.maxQueued);
  }
  const created = await tx.task.create({ data: taskRow(task, status) });
  const data = { task_id: task.id, agent: task.agent, task_type: task.taskType, from: null, to: status };
  await appendTaskEvents(tx, { taskId: task.id, tenantId: task.tenantId, agent: task.agent }, [{ id: newId('evt'), type: 'task.created', data }], created.createdAt);
  await tx.taskStart.create({ data: { taskId: task.id, taskQueue: task.taskQueue } });
  return created;
}

/**
 * Records a task that could not start (e.g. a trigger chain past its depth limit, or a mapped
 * input its agent refuses) as failed with `error`, without a workflow, so the refusal is as
 * visible as any other failure: the task, `task.created`, `task.failed`, and webhooks.
 */
export async function insertFailedTask(tx: Prisma.TransactionClient, task: NewTask, error: { code: string; message: string }): Promise<Task> {
  const at = new Date();
  const created = await tx.task.create({ data: { ...taskRow(task, 'failed'), errorCode: error.code, errorMessage: error.message, completedAt: at, createdAt: at } });
  const owner = { taskId: task.id, tenantId: task.tenantId, agent: task.agent };
  await appendTaskEvents(
    tx,
    owner,
    [
      { id: newId('evt'), type: 'task.created', data: { task_id: task.id, agent: task.agent, task_type: task.taskType, from: null, to: 'failed' } },
      { id: newId('evt'), type: 'task.failed', data: { task_id: task.id, from: null, to: 'failed', error } },
    ],
    at,
  );
  return created;
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
): Promise<Task> {
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
