import type { Router } from 'express';
import { applyRetentionWindow } from '../../lib/db/artifact-retention';
import type { Database } from '../../lib/db/client';
import { principalOf } from '../middleware/auth';
import { routerFrom } from '../route-table/register';
import { retentionRoutes } from './routes';

/** The caller's tenant's artifact retention: how long artifacts live, how long drafts wait. */
export function retentionRouter({ db }: { db: Database }): Router {
  const present = (tenant: { artifactRetentionDays: number | null; draftExpiryDays: number }) => ({
    artifact_retention_days: tenant.artifactRetentionDays,
    draft_expiry_days: tenant.draftExpiryDays,
  });
  const settings = { artifactRetentionDays: true, draftExpiryDays: true } as const;

  return routerFrom(retentionRoutes, {
    async getRetention(req, res) {
      const { tenantId } = principalOf(req);
      res.json(present(await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: settings })));
    },
    async updateRetention(req, res, { body }) {
      const { tenantId } = principalOf(req);
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
    },
  });
}
