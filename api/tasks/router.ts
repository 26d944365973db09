import { createHash } from 'node:crypto';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { Router } from 'express';
import { type AgentRegistry, agentSlugs } from '../../agents/registry';
import type { Config } from '../../lib/config';
import { type Database, Prisma } from '../../lib/db/client';
import { claimEventLog } from '../../lib/db/task-events';
import { newId } from '../../lib/ids';
import { taskStateQuery } from '../../workflows/definitions';
import { type TaskStatus, type TaskWorkflowInput, isTerminal } from '../../workflows/model';
import { TASK_AGENT, TASK_STATUS, TASK_TENANT, TASK_TYPE } from '../../workflows/search-attributes';
import type { taskWorkflow } from '../../workflows/task';
import { principalOf } from '../middleware/auth';
import { methodNotAllowed } from '../middleware/errors';
import { HttpProblem, invalidRequest, notFound, zodProblems } from '../problem';
import { temporalUnavailable } from '../temporal-errors';
import { parseBody, parseQuery } from '../validation';
import { presentTask, type TaskRow } from './present';
import { type CreateTaskBody, createTaskBody, getTaskQuery, idempotencyKey, listTasksQuery } from './schemas';

export interface TasksRouterDependencies {
  db: Database;
  temporal: Client;
  agents: AgentRegistry;
  config: Pick<Config, 'TASK_QUEUE' | 'TEMPORAL_NAMESPACE' | 'TEMPORAL_UI_URL'>;
}

const STRONG_READ_TIMEOUT_MS = 5_000;
const DEFAULT_PAGE_SIZE = 20;
const STATUS_EVENT_TYPES = ['task.created', 'task.status_changed', 'task.complete', 'task.failed', 'task.cancelled'];

export function tasksRouter({ db, temporal, agents, config }: TasksRouterDependencies): Router {
  const router = Router();

  async function loadTask(tenantId: string, taskId: string): Promise<TaskRow> {
    const task = await db.task.findFirst({ where: { id: taskId, tenantId } });
    if (!task) throw notFound(`Task ${taskId}`);
    return task;
  }

  const temporalUiUrl = (taskId: string) =>
    `${config.TEMPORAL_UI_URL}/namespaces/${encodeURIComponent(config.TEMPORAL_NAMESPACE)}/workflows/${taskId}`;
  const artifactSummary = { id: true, type: true, createdAt: true, taskId: true } as const;

  async function present(task: TaskRow) {
    const [artifacts, statusEvents] = await Promise.all([
      db.artifact.findMany({ where: { taskId: task.id }, select: artifactSummary, orderBy: { createdAt: 'asc' } }),
      db.event.findMany({ where: { taskId: task.id, type: { in: STATUS_EVENT_TYPES } }, select: { type: true, data: true, createdAt: true }, orderBy: { seq: 'asc' } }),
    ]);
    return presentTask(task, { artifacts, statusEvents, temporalUiUrl: temporalUiUrl(task.id) });
  }

  /** List items: the record without its audit trail, artifacts fetched in one query. */
  async function presentMany(tasks: TaskRow[]) {
    const artifacts = await db.artifact.findMany({
      where: { taskId: { in: tasks.map((task) => task.id) } },
      select: artifactSummary,
      orderBy: { createdAt: 'asc' },
    });
    return tasks.map((task) =>
      presentTask(task, { artifacts: artifacts.filter((artifact) => artifact.taskId === task.id), temporalUiUrl: temporalUiUrl(task.id) }),
    );
  }

  function illegalTransition(task: TaskRow, action: string): HttpProblem {
    return new HttpProblem(409, 'illegal_transition', `Cannot ${action} task ${task.id}: it is ${task.status}.`, {
      task_id: task.id,
      status: task.status,
    });
  }

  /** Resolves the agent and task type from the manifest and validates `input` against it. */
  function resolveTaskType(body: CreateTaskBody) {
    const agent = agents.get(body.agent);
    if (!agent) {
      throw invalidRequest([{ field: 'agent', in: 'body', message: `Unknown agent "${body.agent}"; valid agents: ${agentSlugs(agents).join(', ')}` }]);
    }
    const taskType = agent.taskTypes[body.task_type];
    if (!taskType) {
      const valid = Object.keys(agent.taskTypes).join(', ');
      throw invalidRequest([{ field: 'task_type', in: 'body', message: `Agent ${agent.slug} has no task type "${body.task_type}"; valid task types: ${valid}` }]);
    }
    const input = taskType.input.safeParse(body.input);
    if (!input.success) throw invalidRequest(zodProblems(input.error, 'body', ['input']));
    return { agent, taskType, input: input.data };
  }

  router
    .route('/v1/tasks')
    .post(async (req, res) => {
      const { tenantId } = principalOf(req);
      const body = parseBody(createTaskBody, req);
      const { agent, taskType, input } = resolveTaskType(body);
      const key = req.get('idempotency-key');
      if (key !== undefined && !idempotencyKey.safeParse(key).success) {
        throw invalidRequest([{ field: 'Idempotency-Key', in: 'header', message: 'Expected 1 to 255 printable ASCII characters without spaces' }]);
      }
      const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');

      const replay = async (replayed: TaskRow) =>
        res.status(202).set('Idempotent-Replayed', 'true').json(await present(replayed));
      if (key !== undefined) {
        const existing = await findIdempotentReplay(tenantId, key, requestHash);
        if (existing) return replay(existing);
      }

      const taskId = newId('task');
      const status: TaskStatus = 'queued';
      let task: TaskRow;
      try {
        [, task] = await db.$transaction([
          claimEventLog(db),
          db.task.create({
            data: {
              id: taskId,
              tenantId,
              agent: agent.slug,
              taskType: body.task_type,
              input: input as Prisma.InputJsonObject,
              status,
              priority: body.priority,
              sessionId: body.session_id,
              title: body.title,
              description: body.description,
              type: body.type,
              skills: body.skills,
              ownerEmail: body.owner_email,
              assignedUsers: body.assigned_users,
              followers: body.followers,
              idempotencyKey: key,
              requestHash,
              lastSeq: 1,
            },
          }),
          db.event.create({
            data: {
              id: newId('evt'),
              tenantId,
              taskId,
              taskSeq: 1,
              agent: agent.slug,
              type: 'task.created',
              data: { task_id: taskId, agent: agent.slug, task_type: body.task_type, from: null, to: status },
            },
          }),
        ]);
      } catch (error) {
        // Two requests raced with one Idempotency-Key: the loser answers with the winner's task.
        if (key !== undefined && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          const existing = await findIdempotentReplay(tenantId, key, requestHash);
          if (existing) return replay(existing);
        }
        throw error;
      }

      const workflowInput: TaskWorkflowInput = {
        taskId,
        tenantId,
        agent: agent.slug,
        taskType: body.task_type,
        input,
        priority: body.priority,
        nextSeq: 2,
        execution: { timeoutMs: taskType.timeoutMs, maximumAttempts: taskType.maximumAttempts },
      };
      try {
        await temporal.workflow.start<typeof taskWorkflow>('taskWorkflow', {
          taskQueue: config.TASK_QUEUE,
          workflowId: taskId,
          args: [workflowInput],
          typedSearchAttributes: [
            { key: TASK_TENANT, value: tenantId },
            { key: TASK_AGENT, value: agent.slug },
            { key: TASK_TYPE, value: body.task_type },
            { key: TASK_STATUS, value: status },
          ],
        });
      } catch (error) {
        // Without a workflow the row would be a task that never runs: take it back.
        await db.task.delete({ where: { id: taskId } });
        throw temporalUnavailable(error, 'The task was not created');
      }
      res.status(202).location(`/v1/tasks/${taskId}`).json(await present(task));
    })
    .get(async (req, res) => {
      const { tenantId } = principalOf(req);
      const query = parseQuery(listTasksQuery, req);
      const where: Prisma.TaskWhereInput = {
        tenantId,
        agent: query.agent && (agents.get(query.agent)?.slug ?? query.agent),
        status: query.status,
        type: query.type,
        sessionId: query.session_id,
      };
      // Newest first; ties on created_at broken by id, so the order is total and stable.
      const orderBy = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

      if (query.page !== undefined || query.per_page !== undefined) {
        const page = query.page ?? 1;
        const perPage = query.per_page ?? DEFAULT_PAGE_SIZE;
        const [total, tasks] = await Promise.all([
          db.task.count({ where }),
          db.task.findMany({ where, orderBy, skip: (page - 1) * perPage, take: perPage }),
        ]);
        return res.json({ data: await presentMany(tasks), pagination: { page, per_page: perPage, total } });
      }

      // Keyset paging: tasks created while a client pages appear before its first page, so
      // later pages neither repeat nor skip anything.
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      const tasks = await db.task.findMany({
        where: after
          ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] }
          : where,
        orderBy,
        take: limit + 1,
      });
      const page = tasks.slice(0, limit);
      const last = page[page.length - 1];
      res.json({ tasks: await presentMany(page), next_cursor: tasks.length > limit && last ? encodeCursor(last) : null });
    })
    .all(methodNotAllowed);

  async function findIdempotentReplay(tenantId: string, key: string, requestHash: string): Promise<TaskRow | undefined> {
    const existing = await db.task.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: key } } });
    if (!existing) return undefined;
    if (existing.requestHash !== requestHash) {
      throw new HttpProblem(409, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request body.', {
        task_id: existing.id,
      });
    }
    return existing;
  }

  router
    .route('/v1/tasks/:id')
    .get(async (req, res) => {
      const { tenantId } = principalOf(req);
      const { consistency } = parseQuery(getTaskQuery, req);
      const task = await loadTask(tenantId, req.params.id);
      const record = await present(task);
      if (consistency === 'eventual') return res.json(record);
      // Without a worker a query waits for one; bound the wait and answer 503 instead.
      const snapshot = await temporal.connection
        .withDeadline(Date.now() + STRONG_READ_TIMEOUT_MS, () => temporal.workflow.getHandle(task.id).query(taskStateQuery))
        .catch((error: unknown) => {
          // Whatever the reason, the source of truth could not be consulted: a 503, not a 500.
          throw new HttpProblem(503, 'workflow_unavailable', `The workflow could not be asked for its state: ${(error as Error).message}`, {}, { 'Retry-After': '5' });
        });
      res.json({ ...record, status: snapshot.status, executions: snapshot.executions, error: snapshot.error, consistency: 'strong' });
    })
    .delete(async (req, res) => {
      const { tenantId } = principalOf(req);
      const task = await loadTask(tenantId, req.params.id);
      if (!isTerminal(task.status as TaskStatus)) {
        await requestCancellation(task);
        return res.json({ cancelled: true, task_id: task.id });
      }
      // deleteMany: a concurrent DELETE may have removed it already.
      const { count } = await db.task.deleteMany({ where: { id: task.id, tenantId } });
      if (count === 0) throw notFound(`Task ${task.id}`);
      await temporal.workflowService
        .deleteWorkflowExecution({ namespace: config.TEMPORAL_NAMESPACE, workflowExecution: { workflowId: task.id } })
        .catch((error: unknown) => req.log.warn({ err: error, task_id: task.id }, 'could not delete the workflow execution'));
      res.json({ deleted: true, task_id: task.id });
    })
    .all(methodNotAllowed);

  router
    .route('/v1/tasks/:id/cancel')
    .post(async (req, res) => {
      const { tenantId } = principalOf(req);
      const task = await loadTask(tenantId, req.params.id);
      await requestCancellation(task);
      res.status(202).json({ ...(await present(task)), cancel_requested: true });
    })
    .all(methodNotAllowed);

  /** Cancels the task's workflow; a task that already ended is a 409 with its status. */
  async function requestCancellation(task: TaskRow): Promise<void> {
    if (isTerminal(task.status as TaskStatus)) throw illegalTransition(task, 'cancel');
    try {
      await temporal.workflow.getHandle(task.id).cancel();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        // The workflow ended between our read and the cancel request.
        throw illegalTransition(await loadTask(task.tenantId, task.id), 'cancel');
      }
      throw temporalUnavailable(error, 'The cancellation was not delivered');
    }
  }

  return router;
}

function encodeCursor(task: TaskRow): string {
  return Buffer.from(JSON.stringify([task.createdAt.toISOString(), task.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    // Only timestamps this API can have written: the database refuses extreme years.
    if (typeof id !== 'string' || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 9999) {
      throw new Error('malformed');
    }
    return { createdAt: date, id };
  } catch {
    throw invalidRequest([{ field: 'cursor', in: 'query', message: 'Not a cursor this API returned' }]);
  }
}

/** JSON with sorted keys, so equal bodies hash equally whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
