import { Router } from 'express';
import { issueApiKey } from '../../lib/auth/api-keys';
import type { Database } from '../../lib/db/client';
import { newId } from '../../lib/ids';
import { requireAdmin } from '../middleware/auth';
import { methodNotAllowed } from '../middleware/errors';
import { HttpProblem } from '../problem';
import { presentApiKey } from '../api-keys/present';
import { parseBody } from '../validation';
import { createTenantBody } from './schemas';

/** Creating tenants is the operator's job: an admin key of the operator tenant. */
export function tenantsRouter({ db }: { db: Database }): Router {
  const router = Router();

  router
    .route('/v1/tenants')
    .post(async (req, res) => {
      const principal = requireAdmin(req);
      if (!principal.operator) throw new HttpProblem(403, 'forbidden', 'Only the operator tenant can create tenants.');
      const body = parseBody(createTenantBody, req);
      const { tenant, record, key } = await db.$transaction(async (tx) => {
        const tenant = await tx.tenant.create({ data: { id: newId('ten'), name: body.name } });
        return { tenant, ...(await issueApiKey(tx, { tenantId: tenant.id, name: 'first admin key', role: 'admin' })) };
      });
      res.status(201).json({
        tenant: { tenant_id: tenant.id, name: tenant.name, created_at: tenant.createdAt.toISOString() },
        api_key: { ...presentApiKey(record), key },
      });
    })
    .all(methodNotAllowed);

  return router;
}
