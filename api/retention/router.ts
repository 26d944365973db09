import { Router } from 'express';
import { applyRetentionWindow } from '../../lib/db/artifact-retention';
import type { Database } from '../../lib/db/client';
import { principalOf, requireAdmin } from '../middleware/auth';
import { methodNotAllowed } from '../middleware/errors';
import { parseBody } from '../validation';
import { updateRetentionBody } from './schemas';

/** The caller's tenant's artifact retention: how long artifacts live, how long drafts wait. */
export function retentionRouter({ db }: { db: Database }): Router {
  const router = Router();
  const present = (tenant: { artifactRetentionDays: number | null; draftExpiryDays: number }) => ({
    artifact_retention_days: tenant.artifactRetentionDays,
    draft_expiry_days: tenant.draftExpiryDays,
  });
  const settings = { artifactRetentionDays: true, draftExpiryDays: true } as const;

  router
    .route('/v1/retention')
    .get(async (req, res) => {
      const { tenantId } = principalOf(req);
      res.json(present(await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: settings })));
    })
    .put(async (req, res) => {
      const { tenantId } = requireAdmin(req);
      const body = parseBody(updateRetentionBody, req);
      const updated = await db.$transaction(async (tx) => {
        const tenant = await tx.tenant.update({
          where: { id: tenantId },
          data: { artifactRetentionDays: body.artifact_retention_days, draftExpiryDays: body.draft_expiry_days },
          select: settings,
        });
        // A new window applies to the artifacts the tenant already has, too.
        if (body.artifact_retention_days !== undefined) await applyRetentionWindow(tx, tenantId);
        return tenant;
      });
      res.json(present(updated));
    })
    .all(methodNotAllowed);

  return router;
}
