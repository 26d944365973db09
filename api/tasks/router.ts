import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Request, Router } from 'express';
import type { AgentRegistry } from '../../agents/registry';
import type { Config } from '../../lib/config';
import { type Database, Prisma } from '../../lib/db/client';
import { type NewTask, QueuedTaskLimitReached, TaskAlreadyExists, insertTask, insertTaskAlone } from '../../lib/db/task-creation';
import { newId } from '../../lib/ids';
import type { DownloadUrlSigner } from '../../lib/signing/download-urls';
import type { TaskStarter } from '../../lib/temporal/task-starter';
import { type ContentStore, taskContentPrefix } from '../../lib/storage/content-store';
import { feedbackUpdate, processUpdate, stopUpdate, taskStateQuery } from '../../workflows/definitions';
import { type TaskStatus, isTerminal } from '../../workflows/model';
import { presentArtifact } from '../artifacts/present';
import { decodeCursor, keysetPage } from '../cursor';
import { principalOf, requireAdmin } from '../middleware/auth';
import { HttpProblem, invalidRequest, notFound } from '../problem';
import { requireOpenSession } from '../sessions/open-session';
import { temporalUnavailable } from '../temporal-errors';
import { type RouteHandlers, routerFrom } from '../route-table/register';
import { illegalTransition, isWorkflowNotFound, onTaskWorkflow, sendTaskCommand } from './commands';
import { updateTaskDetails } from './details';
import { resolveFileReferences } from './file-references';
import { countTasks, findTaskIds } from './listing';
import { type TaskRow, findTaskRecord, linkConfigFor, loadTaskListItems } from './present';
import { resolveTaskType } from './task-type';
import { taskRoutes } from './routes';
import { DEFAULT_PAGE_SIZE, idempotencyKey } from './schemas';

export interface TasksRouterDependencies {
  db: Database;
  storage: ContentStore;
  downloadUrls: DownloadUrlSigner;
  temporal: Client;
  agents: AgentRegistry;
  starter: TaskStarter;
  config: Pick<Config, 'TASK_QUEUE' | 'TEMPORAL_NAMESPACE' | 'TEMPORAL_UI_URL' | 'temporalUiConfigured' | 'TENANT_MAX_QUEUED_TASKS' | 'publicBaseUrl'>;
}

const STRONG_READ_TIMEOUT_MS = 5_000;
const QUEUED_RETRY_AFTER_SECONDS = 10;

export function tasksRouter(deps: TasksRouterDependencies): Router {
  const { db, storage, downloadUrls, temporal, agents, starter, config } = deps;
  const startIfPending = (taskId: string) => starter.ensureStarted(taskId);

  async function loadTask(tenantId: string, taskId: string): Promise<TaskRow> {
    const task = await db.task.findFirst({ where: { id: taskId, tenantId } });
    if (!task) throw notFound(`Task ${taskId}`);
    return task;
  }

  const presentMany = (req: Request, tasks: TaskRow[]) => loadTaskListItems(db, tasks, linkConfigFor(config, principalOf(req)));

  /** The task record as it is now (after a command, its transition is already recorded). */
  async function presentCurrent(req: Request, tenantId: string, taskId: string) {
    const record = await findTaskRecord(db, tenantId, taskId, linkConfigFor(config, principalOf(req)));
    if (!record) throw notFound(`Task ${taskId}`);
    return record;
  }

  const currentStatus = (task: TaskRow) => async () => (await loadTask(task.tenantId, task.id)).status;

  /**
   * Creates a task of the tenant in one transaction (in its session, which must be open) and
   * answers its ID; a tenant with TENANT_MAX_QUEUED_TASKS tasks queued is a 429.
   */
  async function createTask(tenantId: string, task: Omit<NewTask, 'id' | 'tenantId' | 'taskQueue'>): Promise<string> {
    const id = newId('task');
    try {
      const newTask = { ...task, id, tenantId, taskQueue: config.TASK_QUEUE };
      const limits = { maxQueued: config.TENANT_MAX_QUEUED_TASKS };
      const { sessionId } = task;
      // Outside a session the task is all there is to write: one statement, no transaction around it.
      if (sessionId) {
        await db.$transaction(async (tx) => {
          await requireOpenSession(tx, tenantId, sessionId);
          await insertTask(tx, newTask, limits);
        });
      } else await insertTaskAlone(db, newTask, limits);
    } catch (error) {
      if (error instanceof QueuedTaskLimitReached) {
        throw new HttpProblem(429, 'too_many_queued_tasks', `This tenant has ${error.queued} tasks queued, its limit; retry once some have started.`, { limit: error.limit }, {
          'Retry-After': String(QUEUED_RETRY_AFTER_SECONDS),
        });
      }
      throw error;
    }
    return id;
  }

  async function loadInOrder(ids: string[]): Promise<TaskRow[]> {
    const rows = new Map((await db.task.findMany({ where: { id: { in: ids } } })).map((task) => [task.id, task]));
    return ids.flatMap((id) => rows.get(id) ?? []);
  }

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

  const handlers: RouteHandlers<typeof taskRoutes> = {
    async createTask(req, res, { body }) {
      const principal = principalOf(req);
      const { tenantId, userEmail } = principal;
      if (body.owner_email !== undefined && body.owner_email !== userEmail && principal.role !== 'admin') {
        throw new HttpProblem(403, 'forbidden', 'Only an admin API key may make someone else the owner of a task.', { field: 'owner_email' });
      }
      const { agent, taskTypeName, input } = await resolveTaskType(agents, tenantId, body);
      const key = req.get('idempotency-key');
      if (key !== undefined && !idempotencyKey.safeParse(key).success) {
        throw invalidRequest([{ field: 'Idempotency-Key', in: 'header', message: 'Expected 1 to 255 printable ASCII characters without spaces' }]);
      }
      const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');

      const replay = async (replayed: TaskRow) => {
        // The first attempt's outbox row starts the workflow in any case; a client retrying
        // because that attempt died need not wait for the starters to notice.
        await startIfPending(replayed.id).catch((error: unknown) => req.log.warn({ err: error, task_id: replayed.id }, 'could not start the task on its replay'));
        res.status(202).set('Idempotent-Replayed', 'true').json(await presentCurrent(req, replayed.tenantId, replayed.id));
      };
      if (key !== undefined) {
        const existing = await findIdempotentReplay(tenantId, key, requestHash);
        if (existing) return replay(existing);
      }

      await resolveFileReferences(db, tenantId, { input });
      // Queued tasks wait for a slot (TENANT_MAX_RUNNING_TASKS); how many may wait is bounded too
      // (createTask checks, as every way of creating a task does).
      let taskId: string;
      try {
        taskId = await createTask(tenantId, {
          agent: agent.slug,
          taskType: taskTypeName,
          input: input as Prisma.InputJsonObject,
          deferred: body.defer,
          priority: body.priority,
          sessionId: body.session_id,
          title: body.title,
          description: body.description,
          type: body.type,
          skills: body.skills,
          ownerEmail: body.owner_email ?? userEmail,
          assignedUsers: body.assigned_users,
          followers: body.followers,
          idempotencyKey: key,
          requestHash,
          trigger: { type: body.trigger?.type ?? 'api' },
        });
      } catch (error) {
        // Two requests raced with one Idempotency-Key: the loser answers with the winner's task.
        if (key !== undefined && error instanceof TaskAlreadyExists) {
          const existing = await findIdempotentReplay(tenantId, key, requestHash);
          if (existing) return replay(existing);
        }
        throw error;
      }

      starter.wake();
      res.status(202).location(`/v1/tasks/${taskId}`).json(await presentCurrent(req, tenantId, taskId));
    },
    async listTasks(req, res, { query }) {
      const { tenantId, userEmail } = principalOf(req);
      if (query.mine && userEmail === null) {
        throw invalidRequest([{ field: 'mine', in: 'query', message: 'This API key names no user (create one with user_email) so it has no tasks of its own' }]);
      }
      const filters = {
        tenantId,
        agent: query.agent && (agents.get(query.agent)?.slug ?? query.agent),
        status: query.status,
        type: query.type,
        sessionId: query.session_id,
        search: query.search,
        mine: query.mine ? (userEmail ?? undefined) : undefined,
      };

      if (query.page !== undefined || query.per_page !== undefined) {
        const page = query.page ?? 1;
        const perPage = query.per_page ?? DEFAULT_PAGE_SIZE;
        const [total, ids] = await Promise.all([
          countTasks(db, filters),
          findTaskIds(db, filters, { limit: perPage, offset: (page - 1) * perPage }),
        ]);
        return res.json({ data: await presentMany(req, await loadInOrder(ids)), pagination: { page, per_page: perPage, total } });
      }

      // Keyset paging: tasks created while a client pages appear before its first page, so
      // later pages neither repeat nor skip anything.
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      const ids = await findTaskIds(db, filters, { limit: limit + 1, after });
      const { page, nextCursor } = keysetPage(await loadInOrder(ids), limit, (task) => task.createdAt);
      res.json({ tasks: await presentMany(req, page), next_cursor: nextCursor });
    },

    async getTask(req, res, { params, query: { consistency } }) {
      const { tenantId } = principalOf(req);
      const record = await presentCurrent(req, tenantId, params.id);
      if (consistency === 'eventual') return res.json(record);
      // Without a worker a query waits for one; bound the wait and answer 503 instead.
      const snapshot = await temporal.connection
        .withDeadline(Date.now() + STRONG_READ_TIMEOUT_MS, () =>
          onTaskWorkflow(record.task_id, startIfPending, () => temporal.workflow.getHandle(record.task_id).query(taskStateQuery)),
        )
        .catch((error: unknown) => {
          // Whatever the reason, the source of truth could not be consulted: a 503, not a 500.
          throw new HttpProblem(503, 'workflow_unavailable', `The workflow could not be asked for its state: ${(error as Error).message}`, {}, { 'Retry-After': '5' });
        });
      res.json({
        ...record,
        status: snapshot.status,
        executions: snapshot.executions,
        error: snapshot.error,
        feedback: snapshot.feedback,
        consistency: 'strong',
      });
    },
    async updateTask(req, res, { params, body }) {
      const principal = principalOf(req);
      const task = await loadTask(principal.tenantId, params.id);
      const changes = {
        title: body.title,
        description: body.description,
        type: body.type,
        skills: body.skills,
        followers: body.followers && [...new Set(body.followers)],
      };
      await updateTaskDetails(db, task, changes, principal.actor);
      res.json(await presentCurrent(req, principal.tenantId, task.id));
    },
    async deleteTask(req, res, { params }) {
      const principal = principalOf(req);
      const task = await loadTask(principal.tenantId, params.id);
      if (!isTerminal(task.status as TaskStatus)) {
        await requestCancellation(task);
        return res.json({ cancelled: true, task_id: task.id });
      }
      // A finished task's delete erases its history for good: not something any member may do.
      const { tenantId } = requireAdmin(req);
      // Content first: if this fails the task is still there for a retry to delete.
      await storage.deletePrefix(taskContentPrefix(task.tenantId, task.id));
      // deleteMany: a concurrent DELETE may have removed it already.
      const { count } = await db.task.deleteMany({ where: { id: task.id, tenantId } });
      if (count === 0) throw notFound(`Task ${task.id}`);
      await temporal.workflowService
        .deleteWorkflowExecution({ namespace: config.TEMPORAL_NAMESPACE, workflowExecution: { workflowId: task.id } })
        .catch((error: unknown) => req.log.warn({ err: error, task_id: task.id }, 'could not delete the workflow execution'));
      res.json({ deleted: true, task_id: task.id });
    },
    async listTaskArtifacts(req, res, { params }) {
      const { tenantId } = principalOf(req);
      const task = await loadTask(tenantId, params.id);
      const artifacts = await db.artifact.findMany({ where: { taskId: task.id, tenantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      res.json({ artifacts: artifacts.map((artifact) => presentArtifact(artifact, { signer: downloadUrls, publicBaseUrl: config.publicBaseUrl })) });
    },
    async replaceAssignees(req, res, { params, body: { emails } }) {
      const principal = principalOf(req);
      const task = await loadTask(principal.tenantId, params.id);
      await updateTaskDetails(db, task, { assigned_users: emails }, principal.actor);
      res.json(await presentCurrent(req, principal.tenantId, task.id));
    },
    async processTask(req, res, { params, body }) {
      const { tenantId } = principalOf(req);
      const task = await loadTask(tenantId, params.id);
      const uploads = await resolveFileReferences(db, tenantId, body);
      // An uploaded file reaches the agent with its name and type.
      const files = body.files?.map((file) =>
        file.file_id !== undefined ? { file_id: file.file_id, name: uploads.get(file.file_id)!.name, mime_type: uploads.get(file.file_id)!.mimeType } : file,
      );
      await sendTaskCommand(temporal, task, 'process', processUpdate, [{ message: body.message, files }], currentStatus(task), startIfPending);
      res.json(await presentCurrent(req, tenantId, task.id));
    },
    async stopTask(req, res, { params }) {
      const { tenantId } = principalOf(req);
      const task = await loadTask(tenantId, params.id);
      await sendTaskCommand(temporal, task, 'stop', stopUpdate, [], currentStatus(task), startIfPending);
      res.json(await presentCurrent(req, tenantId, task.id));
    },
    async giveFeedback(req, res, { params, body: { status: feedback } }) {
      const principal = principalOf(req);
      const task = await loadTask(principal.tenantId, params.id);
      if (isTerminal(task.status as TaskStatus)) {
        // Feedback is mostly given on finished work, whose workflow has closed: record it here.
        await updateTaskDetails(db, task, { feedback }, principal.actor);
      } else {
        await sendTaskCommand(temporal, task, 'give feedback on', feedbackUpdate, [{ feedback, by: principal.actor }], currentStatus(task), startIfPending);
      }
      res.json(await presentCurrent(req, principal.tenantId, task.id));
    },
    async cancelTask(req, res, { params }) {
      const { tenantId } = principalOf(req);
      const task = await loadTask(tenantId, params.id);
      // As it was when the cancellation was asked for; it ends `cancelled` shortly after.
      const record = await presentCurrent(req, tenantId, task.id);
      await requestCancellation(task);
      res.status(202).json({ ...record, cancel_requested: true });
    },
    async rerunTask(req, res, { params, body }) {
      const { tenantId, userEmail } = principalOf(req);
      const source = await loadTask(tenantId, params.id);
      const { agent, taskTypeName, input } = await resolveTaskType(agents, source.tenantId, { agent: source.agent, task_type: source.taskType, input: body.input ?? source.input });
      await resolveFileReferences(db, tenantId, { input });
      const taskId = await createTask(tenantId, {
        agent: agent.slug,
        taskType: taskTypeName,
        input: input as Prisma.InputJsonObject,
        priority: source.priority,
        sessionId: source.sessionId,
        title: source.title,
        description: source.description,
        type: source.type,
        skills: source.skills,
        ownerEmail: userEmail ?? source.ownerEmail,
        assignedUsers: source.assignedUsers,
        followers: source.followers,
        trigger: { type: 'rerun', sourceId: source.id },
      });
      starter.wake();
      res.status(202).location(`/v1/tasks/${taskId}`).json(await presentCurrent(req, tenantId, taskId));
    },
  };

  /** Cancels the task's workflow; a task that already ended is a 409 with its status. */
  async function requestCancellation(task: TaskRow): Promise<void> {
    if (isTerminal(task.status as TaskStatus)) throw illegalTransition(task, 'cancel');
    try {
      await onTaskWorkflow(task.id, startIfPending, () => temporal.workflow.getHandle(task.id).cancel());
    } catch (error) {
      if (isWorkflowNotFound(error)) {
        // The workflow ended between our read and the cancel request.
        throw illegalTransition(await loadTask(task.tenantId, task.id), 'cancel');
      }
      throw temporalUnavailable(error, 'The cancellation was not delivered');
    }
  }

  return routerFrom(taskRoutes, handlers);
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
