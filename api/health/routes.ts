import { z } from 'zod';
import { defineRoutes } from '../route-table/declare';

const tag = 'Health';
const check = z.object({ ok: z.boolean(), error: z.string().optional() });
const readiness = z.object({ status: z.enum(['ready', 'not_ready']), checks: z.object({ database: check, temporal: check }) });

export const healthRoutes = defineRoutes({
  liveness: {
    method: 'get',
    path: '/healthz',
    auth: 'none',
    tag,
    summary: 'The process answers',
    responses: { 200: { description: 'Up', schema: z.object({ status: z.literal('ok') }) } },
    problems: [],
  },
  readiness: {
    method: 'get',
    path: '/readyz',
    auth: 'none',
    tag,
    summary: 'Its database and Temporal answer too',
    responses: {
      200: { description: 'Ready', schema: readiness },
      503: { description: 'Not ready: the checks say which dependency failed', schema: readiness },
    },
    problems: [],
  },
});
