import { createHash, randomBytes } from 'node:crypto';
import { CompleteAsyncError, Context } from '@temporalio/activity';
import type { Database, Prisma } from '../../lib/db/client';
import { postJson } from '../../lib/outbound/post-json';
import type { UrlPolicy } from '../../lib/outbound/url-policy';
import { signWebhookBody } from '../../lib/webhooks/signing';
import { type AgentContext, AgentError, type JsonObject } from '../sdk';

/** Where a registered agent is reached, and the secret its dispatches are signed with. */
export interface RemoteEndpoint {
  slug: string;
  url: string;
  secret: string;
}

export interface RemoteDispatcherOptions {
  db: Database;
  policy: UrlPolicy;
  /** What the agent's callbacks go to: this service's public base URL. */
  callbackBaseUrl: string;
  /** Whole-request timeout of the dispatch POST. */
  timeoutMs: number;
}

/** The body a registered agent receives (and whose HMAC `X-Taskwright-Signature` carries). */
export interface DispatchBody {
  task_id: string;
  execution_id: string;
  task_type: string;
  input: JsonObject;
  messages: AgentContext['messages'];
  callback_url: string;
  callback_token: string;
  /** 1, then higher when the agent was dispatched again after a failed attempt. */
  attempt: number;
}

const DISPATCH_HEARTBEAT_MS = 500;

export const hashCallbackToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const callbackUrl = (baseUrl: string, executionId: string) => `${baseUrl.replace(/\/+$/, '')}/v1/agent-callbacks/${executionId}`;

/**
 * Hands an execution to a registered agent and leaves the agent activity open (Temporal
 * asynchronous completion): the agent's callbacks heartbeat it and complete it with the task
 * token kept in `remote_dispatches`. Called from inside the agent activity.
 */
export function createRemoteDispatcher({ db, policy, callbackBaseUrl, timeoutMs }: RemoteDispatcherOptions) {
  return async function dispatch(endpoint: RemoteEndpoint, taskType: string, context: AgentContext, input: JsonObject): Promise<never> {
    const { taskToken, attempt } = Context.current().info;
    const { executionId } = context;
    const existing = await db.remoteDispatch.findUnique({ where: { executionId }, select: { status: true } });
    if (existing?.status === 'awaiting_approval') {
      // The task resumes after the decision: the agent, still at work with its token, learns the
      // decision from its next heartbeat and reports to this activity from now on.
      await db.remoteDispatch.update({ where: { executionId }, data: { taskToken: Uint8Array.from(taskToken), status: 'running' } });
      throw new CompleteAsyncError();
    }
    // A first dispatch, or a retry after the agent missed its heartbeat window or failed
    // retryably: a fresh token, so whatever the earlier attempt still sends is refused.
    const callbackToken = randomBytes(32).toString('base64url');
    const state = {
      tokenHash: hashCallbackToken(callbackToken),
      taskToken: Uint8Array.from(taskToken),
      attempt,
      status: 'running',
      approvalRequestedAt: null,
      pendingArtifacts: [] as Prisma.InputJsonArray,
      reports: 0,
    };
    await db.remoteDispatch.upsert({
      where: { executionId },
      create: { executionId, tenantId: context.tenantId, taskId: context.taskId, agent: endpoint.slug, ...state },
      update: state,
    });
    const body: DispatchBody = {
      task_id: context.taskId,
      execution_id: executionId,
      task_type: taskType,
      input,
      messages: context.messages,
      callback_url: callbackUrl(callbackBaseUrl, executionId),
      callback_token: callbackToken,
      attempt,
    };
    const payload = JSON.stringify(body);
    // The agent's heartbeat window may be shorter than a slow dispatch: report in meanwhile.
    const beat = setInterval(() => context.heartbeat(), DISPATCH_HEARTBEAT_MS);
    const { error } = await postJson(
      endpoint.url,
      payload,
      { 'X-Taskwright-Signature': signWebhookBody(payload, endpoint.secret), 'X-Taskwright-Execution-Id': executionId },
      { ...policy, timeoutMs, userAgent: 'Taskwright-Agents/1' },
    ).finally(() => clearInterval(beat));
    if (error) throw new AgentError('agent_unreachable', `Could not dispatch the task to ${endpoint.url}: ${error}`, { retryable: true });
    throw new CompleteAsyncError();
  };
}

export type RemoteDispatch = ReturnType<typeof createRemoteDispatcher>;
