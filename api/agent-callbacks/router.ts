import { timingSafeEqual } from 'node:crypto';
import { ActivityCancelledError, ActivityNotFoundError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { AgentRegistry } from '../../agents/registry';
import { hashCallbackToken } from '../../agents/remote/dispatch';
import type { Config } from '../../lib/config';
import type { Database, Prisma } from '../../lib/db/client';
import type { RemoteDispatch } from '../../lib/generated/prisma/client';
import { appendTaskEvents } from '../../lib/db/task-events';
import { derivedId } from '../../lib/ids';
import { type ContentStore, artifactContentKey } from '../../lib/storage/content-store';
import { tenantStoredBytes } from '../../lib/storage/quota';
import type { AgentOutcome, ArtifactRecord, Execution } from '../../workflows/model';
import { receiveUpload } from '../files/upload';
import { refuseDeepJson } from '../json-depth';
import { requireJsonBody } from '../middleware/errors';
import { HttpProblem, invalidRequest } from '../problem';
import { type RouteHandlers, routerFrom } from '../route-table/register';
import { parseBody, parseQuery } from '../validation';
import { agentCallbackRoutes } from './routes';
import { type CallbackState, artifactBody, artifactFileQuery } from './schemas';

export interface AgentCallbacksRouterDependencies {
  db: Database;
  temporal: Client;
  agents: AgentRegistry;
  storage: ContentStore;
  config: Pick<Config, 'MAX_BODY_BYTES' | 'FILE_MAX_BYTES' | 'TENANT_MAX_STORAGE_BYTES'>;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const JSON_TYPES = ['application/json', 'application/*+json'];

const refused = (detail: string) => new HttpProblem(401, 'unauthorized', detail, {}, { 'WWW-Authenticate': 'Bearer realm="taskwright-agent-callback"' });
const notWaiting = () => new HttpProblem(409, 'execution_not_waiting', 'The task is not waiting for this agent now (it awaits a decision, or moved on); read GET {callback_url}.');

/**
 * What a registered agent calls while it works on a dispatched execution, authorized by the
 * execution's callback token (not an API key). The token opens only its execution, and only while
 * that execution runs: after completion, failure, cancellation, a stop or a fresh dispatch it is
 * refused (401). Reports heartbeat the waiting agent activity; `complete`, `fail` and `approval`
 * complete it (Temporal asynchronous activity completion).
 */
export function agentCallbacksRouter({ db, temporal, agents, storage, config }: AgentCallbacksRouterDependencies): Router {
  // Mounted before the API's own body parsing (these callers hold no API key).
  const json = express.json({ limit: config.MAX_BODY_BYTES, type: JSON_TYPES, verify: refuseDeepJson });
  const jsonBody = [requireJsonBody, json];
  // A file artifact streams in as multipart or raw bytes; a structured one is JSON.
  const jsonUnlessFile: RequestHandler = (req, res, next) => (req.is(JSON_TYPES) ? json(req, res, next) : next());

  /** The dispatch the token opens, if its execution is still running; else 401. */
  async function authorize(req: Request): Promise<RemoteDispatch> {
    const token = BEARER.exec(req.get('authorization') ?? '')?.[1];
    if (!token) throw refused('Send the callback token as "Authorization: Bearer <callback_token>".');
    const executionId = req.params.execution_id as string;
    const dispatch = await db.remoteDispatch.findUnique({ where: { executionId } });
    const expected = Buffer.from(dispatch?.tokenHash ?? '0'.repeat(64), 'hex');
    if (!dispatch || !timingSafeEqual(expected, Buffer.from(hashCallbackToken(token), 'hex'))) throw refused('Invalid callback token.');
    if (dispatch.status === 'closed') throw refused('This execution has ended; its callback token is no longer valid.');
    const task = await db.task.findUnique({ where: { id: dispatch.taskId }, select: { executions: true } });
    const execution = (task?.executions as unknown as Execution[] | undefined)?.find((candidate) => candidate.id === executionId);
    if (execution?.status !== 'running') throw refused('This execution has ended; its callback token is no longer valid.');
    return dispatch;
  }

  async function stateOf(dispatch: RemoteDispatch, cancelRequested = false): Promise<CallbackState> {
    const task = await db.task.findUniqueOrThrow({ where: { id: dispatch.taskId }, select: { status: true } });
    let approval: CallbackState['approval'] = null;
    if (dispatch.approvalRequestedAt) {
      const latest = await db.approval.findFirst({ where: { taskId: dispatch.taskId }, orderBy: { requestedAt: 'desc' } });
      // Until the task resumes, the agent has nothing to report to: the decision is news only then.
      approval =
        dispatch.status === 'awaiting_approval' || !latest
          ? { approval_id: latest?.status === 'pending' ? latest.id : null, status: 'pending', comment: null }
          : { approval_id: latest.id, status: latest.status as 'approved' | 'denied' | 'expired' | 'cancelled', comment: latest.comment };
    }
    return { task_id: dispatch.taskId, execution_id: dispatch.executionId, status: task.status, cancel_requested: cancelRequested, approval };
  }

  /**
   * Tells Temporal the agent is alive. A cancelled activity (the task was cancelled or stopped)
   * is reported cancelled at once, which ends the execution: the answer says `cancel_requested`.
   */
  async function heartbeat(dispatch: RemoteDispatch, details?: unknown): Promise<CallbackState> {
    if (dispatch.status !== 'running') return stateOf(dispatch);
    try {
      await temporal.activity.heartbeat(dispatch.taskToken, details);
      return await stateOf(dispatch);
    } catch (error) {
      if (error instanceof ActivityNotFoundError) throw refused('This execution no longer waits for this agent (its heartbeat window passed, or it ended).');
      if (!(error instanceof ActivityCancelledError)) throw error;
      await close(dispatch);
      await temporal.activity.reportCancellation(dispatch.taskToken).catch((cancelError: unknown) => {
        if (!(cancelError instanceof ActivityNotFoundError)) throw cancelError;
      });
      return stateOf(dispatch, true);
    }
  }

  /**
   * Claims the right to end the waiting activity (only one callback wins, with a live token) and
   * takes the artifacts reported since the last hand-over, which go to the workflow with it.
   */
  async function close(dispatch: RemoteDispatch, status: 'closed' | 'awaiting_approval' = 'closed'): Promise<ArtifactRecord[]> {
    const approvalRequestedAt = status === 'awaiting_approval' ? new Date() : dispatch.approvalRequestedAt;
    const [claimed] = await db.$queryRaw<{ artifacts: ArtifactRecord[] }[]>`
      UPDATE remote_dispatches d SET status = ${status}, approval_requested_at = ${approvalRequestedAt}, pending_artifacts = '[]'::jsonb, updated_at = now()
        FROM remote_dispatches before
       WHERE d.execution_id = ${dispatch.executionId} AND before.execution_id = d.execution_id
         AND d.token_hash = ${dispatch.tokenHash} AND d.status = 'running'
      RETURNING before.pending_artifacts AS artifacts`;
    if (!claimed) throw notWaiting();
    return claimed.artifacts;
  }

  /** Ends the waiting activity (the workflow records the outcome); 409 if it no longer waits. */
  async function endActivity(dispatch: RemoteDispatch, end: (taskToken: Uint8Array) => Promise<void>) {
    try {
      await end(dispatch.taskToken);
    } catch (error) {
      if (error instanceof ActivityNotFoundError) throw notWaiting();
      throw error;
    }
  }

  /**
   * As for built-in agents' artifacts: content that would take the tenant beyond its storage quota
   * is removed and fails the task (`storage_quota_exceeded`); the agent's answer is that 413.
   */
  async function withinStorageQuota(dispatch: RemoteDispatch, storagePath: string, sizeBytes: number) {
    const used = await tenantStoredBytes(db, dispatch.tenantId);
    if (used + sizeBytes <= config.TENANT_MAX_STORAGE_BYTES) return;
    await storage.delete(storagePath);
    const message = `Storing ${sizeBytes} bytes would take the tenant's stored content to ${used + sizeBytes} bytes, beyond its ${config.TENANT_MAX_STORAGE_BYTES}`;
    await close(dispatch);
    const failure = ApplicationFailure.create({ type: 'storage_quota_exceeded', message, nonRetryable: true });
    await endActivity(dispatch, (taskToken) => temporal.activity.fail(taskToken, failure));
    throw new HttpProblem(413, 'storage_quota_exceeded', `${message}; the task fails.`, { max_bytes: config.TENANT_MAX_STORAGE_BYTES });
  }

  /** The next number of a report that writes something: names its event or artifact. */
  async function nextReport(dispatch: RemoteDispatch, tx: Prisma.TransactionClient): Promise<number> {
    const { reports } = await tx.remoteDispatch.update({ where: { executionId: dispatch.executionId }, data: { reports: { increment: 1 } }, select: { reports: true } });
    return reports;
  }

  async function addArtifact(dispatch: RemoteDispatch, draft: (id: string, write: { executionId: string; attempt: number }) => Promise<ArtifactRecord>) {
    if (dispatch.status !== 'running') throw notWaiting();
    const reportId = (report: number) => derivedId('art', dispatch.taskId, dispatch.executionId, String(dispatch.attempt), String(report));
    const report = await db.$transaction((tx) => nextReport(dispatch, tx));
    const artifact = await draft(reportId(report), { executionId: dispatch.executionId, attempt: dispatch.attempt });
    await db.$executeRaw`
      UPDATE remote_dispatches SET pending_artifacts = pending_artifacts || ${JSON.stringify([artifact])}::jsonb, updated_at = now()
       WHERE execution_id = ${dispatch.executionId} AND token_hash = ${dispatch.tokenHash} AND status = 'running'`;
    return artifact.id;
  }

  async function emittable(dispatch: RemoteDispatch, type: string) {
    const task = await db.task.findUniqueOrThrow({ where: { id: dispatch.taskId }, select: { tenantId: true, agent: true, taskType: true } });
    const emits = (await agents.find(task.tenantId, task.agent))?.taskTypes[task.taskType]?.emits ?? [];
    if (!emits.includes(type)) throw invalidRequest([{ field: 'type', in: 'body', message: `This task type emits only: ${emits.join(', ') || 'nothing'}` }]);
  }

  /** The dispatch the request's token opened (authorizeCallback put it there). */
  const dispatchOf = (res: Response) => res.locals.dispatch as RemoteDispatch;

  /** The `callback` routes' authentication: the token must open this running execution. */
  const authorizeCallback: RequestHandler = async (req, res, next) => {
    res.locals.dispatch = await authorize(req);
    next();
  };

  const handlers: RouteHandlers<typeof agentCallbackRoutes> = {
    async getCallbackState(_req, res) {
      res.json(await stateOf(dispatchOf(res)));
    },

    async callbackHeartbeat(_req, res, { body }) {
      res.json(await heartbeat(dispatchOf(res), body.details));
    },

    async callbackProgress(_req, res, { body }) {
      const dispatch = dispatchOf(res);
      if (dispatch.status !== 'running') throw notWaiting();
      const owner = { taskId: dispatch.taskId, tenantId: dispatch.tenantId, agent: dispatch.agent };
      await db.$transaction(async (tx) => {
        const report = await nextReport(dispatch, tx);
        const eventId = derivedId('evt', dispatch.taskId, dispatch.executionId, 'remote', String(dispatch.attempt), String(report));
        const data = { task_id: dispatch.taskId, execution_id: dispatch.executionId, fraction: body.fraction, message: body.message ?? null };
        await appendTaskEvents(tx, owner, [{ id: eventId, type: 'task.progress', data }], new Date(), {
          onlyWhileStatus: 'running',
          patch: { progress: body.fraction, progress_message: body.message ?? null },
        });
      });
      res.json(await heartbeat(dispatch, { fraction: body.fraction, message: body.message }));
    },

    async callbackArtifact(req, res) {
      const dispatch = dispatchOf(res);
      let artifactId: string;
      if (req.is(JSON_TYPES)) {
        const body = parseBody(artifactBody, req);
        await emittable(dispatch, body.type);
        artifactId = await addArtifact(dispatch, async (id) => ({
          id,
          type: body.type,
          displayName: body.display_name,
          mimeType: body.mime_type,
          data: body.data,
          approvalStatus: 'not_required',
        }));
      } else {
        // A file names its type and name in the query (declared optional: a JSON artifact has none).
        const query = parseQuery(artifactFileQuery, req);
        await emittable(dispatch, query.type);
        artifactId = await addArtifact(dispatch, async (id, write) => {
          const storagePath = artifactContentKey(dispatch.tenantId, dispatch.taskId, id, write);
          const file = await receiveUpload(req, { name: query.display_name }, { storage, key: storagePath, maxBytes: config.FILE_MAX_BYTES });
          await withinStorageQuota(dispatch, storagePath, file.stored.sizeBytes);
          return {
            id,
            type: query.type,
            displayName: file.name,
            mimeType: file.mimeType,
            data: null,
            file: { storagePath, ...file.stored },
            approvalStatus: 'not_required',
          };
        });
      }
      res.status(201).json({ ...(await heartbeat(dispatch)), artifact_id: artifactId });
    },

    async callbackApproval(_req, res, { body }) {
      const dispatch = dispatchOf(res);
      const artifacts = await close(dispatch, 'awaiting_approval');
      const request = { title: body.title, ...(body.description !== undefined && { description: body.description }) };
      await endActivity(dispatch, (taskToken) => temporal.activity.complete(taskToken, { kind: 'approval', request, artifacts } satisfies AgentOutcome));
      res.status(202).json(await stateOf({ ...dispatch, status: 'awaiting_approval', approvalRequestedAt: new Date() }));
    },

    async callbackComplete(_req, res, { body }) {
      const dispatch = dispatchOf(res);
      const artifacts = await close(dispatch);
      await endActivity(dispatch, (taskToken) => temporal.activity.complete(taskToken, { kind: 'complete', output: body.output, artifacts } satisfies AgentOutcome));
      res.status(202).json(await stateOf({ ...dispatch, status: 'closed' }));
    },

    async callbackFail(_req, res, { body }) {
      const dispatch = dispatchOf(res);
      await close(dispatch);
      const failure = ApplicationFailure.create({ type: body.code, message: body.message, nonRetryable: !body.retryable });
      await endActivity(dispatch, (taskToken) => temporal.activity.fail(taskToken, failure));
      res.status(202).json(await stateOf({ ...dispatch, status: 'closed' }));
    },
  };

  // JSON bodies are parsed before the token is checked, and validated after it.
  return routerFrom(agentCallbackRoutes, handlers, {
    authenticateCallback: authorizeCallback,
    before: {
      callbackHeartbeat: jsonBody,
      callbackProgress: jsonBody,
      callbackArtifact: [jsonUnlessFile],
      callbackApproval: jsonBody,
      callbackComplete: jsonBody,
      callbackFail: jsonBody,
    },
  });
}
