import type { Router } from 'express';
import { issueApiKey } from '../../lib/auth/api-keys';
import type { Database } from '../../lib/db/client';
import { newId } from '../../lib/ids';
import { presentApiKey } from '../api-keys/present';
import { routerFrom } from '../route-table/register';
import { tenantRoutes } from './routes';

/** Creating tenants is the operator's job: an admin key of the operator tenant. */
export function tenantsRouter({ db }: { db: Database }): Router {
  return routerFrom(tenantRoutes, {
    async createTenant(_req, res, { body }) {
      const { tenant, record, key } = await db.$transaction(async (tx) => {
        const tenant = await tx.tenant.create({ data: { id: newId('ten'), name: body.name } });
        return { tenant, ...(await issueApiKey(tx, { tenantId: tenant.id, name: 'first admin key', role: 'admin' })) };
      });
      res.status(201).json({
        tenant: { tenant_id: tenant.id, name: tenant.name, created_at: tenant.createdAt.toISOString() },
        api_key: { ...presentApiKey(record), key },
      });
    },
  });
}
