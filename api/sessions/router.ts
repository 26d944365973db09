import type { Client } from '@temporalio/client';
import type { Router } from 'express';
import type { Config } from '../../lib/config';
import type { Database, Prisma } from '../../lib/db/client';
import { sequenceEvents } from '../../lib/db/task-events';
import { appendTenantEvent } from '../../lib/db/tenant-events';
import { newId } from '../../lib/ids';
import type { TaskStarter } from '../../lib/temporal/task-starter';
import { processUpdate } from '../../workflows/definitions';
import { decodeCursor, keysetPage } from '../cursor';
import { principalOf } from '../middleware/auth';
import { HttpProblem, notFound } from '../problem';
import { sendTaskCommand } from '../tasks/commands';
import { linkConfigFor, loadTaskListItems } from '../tasks/present';
import { routerFrom } from '../route-table/register';
import { presentSession, presentSessionMessage } from './present';
import { sessionRoutes } from './routes';
import type { ListSessionsResponse } from './schemas';

export interface SessionsRouterDependencies {
  db: Database;
  temporal: Client;
  starter: TaskStarter;
  config: Pick<Config, 'TEMPORAL_NAMESPACE' | 'TEMPORAL_UI_URL' | 'temporalUiConfigured'>;
}

/** Sessions: conversations that group tasks; their messages and closing are events. */
export function sessionsRouter({ db, temporal, starter, config }: SessionsRouterDependencies): Router {
  async function loadSession(tenantId: string, sessionId: string) {
    const session = await db.session.findFirst({ where: { id: sessionId, tenantId } });
    if (!session) throw notFound(`Session ${sessionId}`);
    return session;
  }

  const sessionClosed = (sessionId: string, action: string) =>
    new HttpProblem(409, 'session_closed', `Cannot ${action} session ${sessionId}: it is closed.`, { session_id: sessionId, current_status: 'closed' });

  return routerFrom(sessionRoutes, {
    async createSession(req, res, { body }) {
      const { tenantId } = principalOf(req);
      const session = await db.session.create({
        data: { id: newId('ses'), tenantId, title: body.title, metadata: body.metadata as Prisma.InputJsonObject },
      });
      res.status(201).location(`/v1/sessions/${session.id}`).json(presentSession(session));
    },
    async listSessions(req, res, { query }) {
      const { tenantId } = principalOf(req);
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      const rows = await db.session.findMany({
        where: {
          tenantId,
          status: query.status,
          ...(after && { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: query.limit + 1,
      });
      const { page, nextCursor } = keysetPage(rows, query.limit, (session) => session.createdAt);
      res.json({ sessions: page.map(presentSession), next_cursor: nextCursor } satisfies ListSessionsResponse);
    },
    async getSession(req, res, { params }) {
      const { tenantId } = principalOf(req);
      const session = await loadSession(tenantId, params.id);
      // A message recorded a moment ago is listed too.
      await sequenceEvents(db);
      const [tasks, messages] = await Promise.all([
        db.task.findMany({ where: { tenantId, sessionId: session.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
        db.event.findMany({
          where: { tenantId, taskId: null, type: 'session.message', seq: { not: null }, data: { path: ['session_id'], equals: session.id } },
          orderBy: { seq: 'asc' },
        }),
      ]);
      res.json({ ...presentSession(session), tasks: await loadTaskListItems(db, tasks, linkConfigFor(config, principalOf(req))), messages: messages.map(presentSessionMessage) });
    },
    async postSessionMessage(req, res, { params, body }) {
      const { tenantId } = principalOf(req);
      const session = await loadSession(tenantId, params.id);
      if (session.status !== 'open') throw sessionClosed(session.id, 'post a message to');
      // The session's task that waits for an answer gets this message as it (the oldest, if several wait).
      const waiting = await db.task.findFirst({
        where: { tenantId, sessionId: session.id, status: 'needs_clarification' },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      let answered: string | null = null;
      if (waiting) {
        const currentStatus = async () => (await db.task.findUniqueOrThrow({ where: { id: waiting.id } })).status;
        try {
          await sendTaskCommand(temporal, waiting, 'answer', processUpdate, [{ message: body.text }], currentStatus, (taskId) => starter.ensureStarted(taskId));
          answered = waiting.id;
        } catch (error) {
          // It stopped waiting meanwhile (answered, cancelled): the message is the session's alone.
          if (!(error instanceof HttpProblem && error.status === 409)) throw error;
        }
      }
      const at = new Date();
      const data = { session_id: session.id, message_id: newId('msg'), text: body.text, from: body.from ?? null, answered_task_id: answered };
      await db.$transaction((tx) => appendTenantEvent(tx, { id: newId('evt'), tenantId, type: 'session.message', data, at }));
      res.status(201).json(presentSessionMessage({ data, createdAt: at }));
    },
    async closeSession(req, res, { params }) {
      const { tenantId } = principalOf(req);
      const session = await loadSession(tenantId, params.id);
      const closed = await db.$transaction(async (tx) => {
        // Only the request that flips it records the event; a second close is a 409.
        const at = new Date();
        const { count } = await tx.session.updateMany({ where: { id: session.id, status: 'open' }, data: { status: 'closed', closedAt: at } });
        if (count === 0) return null;
        await appendTenantEvent(tx, { id: newId('evt'), tenantId, type: 'session.closed', data: { session_id: session.id }, at });
        return tx.session.findUniqueOrThrow({ where: { id: session.id } });
      });
      if (!closed) throw sessionClosed(session.id, 'close');
      res.json(presentSession(closed));
    },
  });
}
