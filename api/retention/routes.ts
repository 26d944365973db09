import { defineRoutes } from '../route-table/declare';
import { retentionSettings, updateRetentionBody } from './schemas';

const tag = 'Retention';

export const retentionRoutes = defineRoutes({
  getRetention: {
    method: 'get',
    path: '/v1/retention',
    auth: 'key',
    tag,
    summary: "The tenant's artifact retention and draft expiry",
    responses: { 200: { description: 'The settings', schema: retentionSettings } },
    problems: [401],
  },
  updateRetention: {
    method: 'put',
    path: '/v1/retention',
    auth: 'admin',
    tag,
    summary: 'Change them; a new retention window applies to existing artifacts too',
    body: { schema: updateRetentionBody },
    responses: { 200: { description: 'The settings now', schema: retentionSettings } },
    problems: [400, 401, 403, 413, 415],
  },
});
