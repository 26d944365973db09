import { defineRoutes } from '../route-table/declare';
import { meBody } from './schemas';

export const meRoutes = defineRoutes({
  getMe: {
    method: 'get',
    path: '/v1/me',
    auth: 'key',
    tag: 'API keys',
    summary: 'Who the caller is: its API key (name, role, user) and tenant',
    description: 'What a console shows after sign-in; a bad or revoked key is the usual 401.',
    responses: { 200: { description: 'The key and its tenant', schema: meBody } },
    problems: [401],
  },
});
