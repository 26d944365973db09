import type { Client } from '@temporalio/client';
import type { Router } from 'express';
import type { Database } from '../../lib/db/client';
import { principalOf } from '../middleware/auth';
import { decodeCursor, keysetPage } from '../cursor';
import { notFound } from '../problem';
import { type RouteHandler, routerFrom } from '../route-table/register';
import { decideApproval } from './decide';
import { presentApproval } from './present';
import { approvalRoutes } from './routes';

/** Decisions agents wait for. Deciding forwards the decision to the task's workflow. */
export function approvalsRouter({ db, temporal }: { db: Database; temporal: Client }): Router {

  async function loadApproval(tenantId: string, id: string) {
    const approval = await db.approval.findFirst({ where: { id, tenantId }, include: { task: true } });
    if (!approval) throw notFound(`Approval ${id}`);
    return approval;
  }

  const decide =
    (decision: 'approved' | 'denied'): RouteHandler<(typeof approvalRoutes)['approveApproval']> =>
    async (req, res, { params, body }) => {
      const principal = principalOf(req);
      const approval = await loadApproval(principal.tenantId, params.id);
      await decideApproval({ db, temporal }, approval, decision, { comment: body.comment, principal });
      const decided = await loadApproval(principal.tenantId, approval.id);
      res.json({ ...presentApproval(decided), task_status: decided.task.status });
    };

  return routerFrom(approvalRoutes, {
    async listApprovals(req, res, { query }) {
      const { tenantId } = principalOf(req);
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      // Oldest first: an inbox is worked through in the order requests arrived.
      const approvals = await db.approval.findMany({
        where: {
          tenantId,
          status: query.status,
          taskId: query.task_id,
          ...(after && { OR: [{ requestedAt: { gt: after.at } }, { requestedAt: after.at, id: { gt: after.id } }] }),
        },
        orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
        take: query.limit + 1,
      });
      const { page, nextCursor } = keysetPage(approvals, query.limit, (approval) => approval.requestedAt);
      res.json({ approvals: page.map(presentApproval), next_cursor: nextCursor });
    },
    async getApproval(req, res, { params }) {
      const { tenantId } = principalOf(req);
      res.json(presentApproval(await loadApproval(tenantId, params.id)));
    },
    approveApproval: decide('approved'),
    denyApproval: decide('denied'),
  });
}
