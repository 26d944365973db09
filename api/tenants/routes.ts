import { z } from 'zod';
import { issuedApiKey } from '../api-keys/schemas';
import { defineRoutes } from '../route-table/declare';
import { createTenantBody } from './schemas';

export const tenantRoutes = defineRoutes({
  createTenant: {
    method: 'post',
    path: '/v1/tenants',
    auth: 'operator',
    tag: 'Tenants',
    summary: 'Create a tenant and its first admin key',
    body: { schema: createTenantBody },
    responses: {
      201: {
        description: 'The tenant and its key (shown once)',
        schema: z.object({ tenant: z.object({ tenant_id: z.string(), name: z.string(), created_at: z.iso.datetime() }), api_key: issuedApiKey }),
      },
    },
    problems: [400, 401, 403, 413, 415],
  },
});
