import type { Router } from 'express';
import type { Database } from '../../lib/db/client';
import { principalOf } from '../middleware/auth';
import { routerFrom } from '../route-table/register';
import { meRoutes } from './routes';

/** `GET /v1/me`: the caller's key and tenant, for a person to see who they are signed in as. */
export function meRouter({ db }: { db: Database }): Router {
  return routerFrom(meRoutes, {
    async getMe(req, res) {
      const { keyId } = principalOf(req);
      // The key was found a moment ago (authentication); a revocation since is the next request's 401.
      const key = await db.apiKey.findUniqueOrThrow({ where: { id: keyId }, include: { tenant: true } });
      res.json({
        tenant: { tenant_id: key.tenant.id, name: key.tenant.name, operator: key.tenant.operator },
        api_key: { id: key.id, name: key.name, role: key.role, user_email: key.userEmail, prefix: key.prefix },
      });
    },
  });
}
