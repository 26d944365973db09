import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Database } from '../../lib/db/client';
import { principalOf } from '../middleware/auth';
import { methodNotAllowed } from '../middleware/errors';
import { decodeCursor, keysetPage } from '../cursor';
import { notFound } from '../problem';
import { parseBody, parseQuery } from '../validation';
import { decideApproval } from './decide';
import { presentApproval } from './present';
import { decisionBody, listApprovalsQuery } from './schemas';

/** Decisions agents wait for. Deciding forwards the decision to the task's workflow. */
export function approvalsRouter({ db, temporal }: { db: Database; temporal: Client }): Router {
  const router = Router();

  async function loadApproval(tenantId: string, id: string) {
    const approval = await db.approval.findFirst({ where: { id, tenantId }, include: { task: true } });
    if (!approval) throw notFound(`Approval ${id}`);
    return approval;
  }

  router
    .route('/v1/approvals')
    .get(async (req, res) => {
      const { tenantId } = principalOf(req);
      const query = parseQuery(listApprovalsQuery, req);
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
    })
    .all(methodNotAllowed);

  router
    .route('/v1/approvals/:id')
    .get(async (req, res) => {
      const { tenantId } = principalOf(req);
      res.json(presentApproval(await loadApproval(tenantId, req.params.id)));
    })
    .all(methodNotAllowed);

  for (const [action, decision] of [['approve', 'approved'], ['deny', 'denied']] as const) {
    router
      .route(`/v1/approvals/:id/${action}`)
      .post(async (req, res) => {
        const principal = principalOf(req);
        const body = parseBody(decisionBody, req);
        const approval = await loadApproval(principal.tenantId, req.params.id);
        await decideApproval({ db, temporal }, approval, decision, { comment: body.comment, principal });
        const decided = await loadApproval(principal.tenantId, approval.id);
        res.json({ ...presentApproval(decided), task_status: decided.task.status });
      })
      .all(methodNotAllowed);
  }

  return router;
}
