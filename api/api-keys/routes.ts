import { z } from 'zod';
import { defineRoutes } from '../route-table/declare';
import { apiKeyBody, createApiKeyBody, issuedApiKey } from './schemas';

const tag = 'API keys';

export const apiKeyRoutes = defineRoutes({
  createApiKey: {
    method: 'post',
    path: '/v1/api-keys',
    auth: 'admin',
    tag,
    summary: 'Issue an API key (shown once, stored as a sha256 hash)',
    description: '`user_email` names the person using the key: the owner of what it creates, `mine`, the approver.',
    body: { schema: createApiKeyBody },
    responses: { 201: { description: 'The key', schema: issuedApiKey } },
    problems: [400, 401, 403, 413, 415],
  },
  listApiKeys: {
    method: 'get',
    path: '/v1/api-keys',
    auth: 'admin',
    tag,
    summary: "The tenant's API keys",
    responses: { 200: { description: 'Every key, oldest first', schema: z.object({ api_keys: z.array(apiKeyBody) }) } },
    problems: [401, 403],
  },
  revokeApiKey: {
    method: 'delete',
    path: '/v1/api-keys/:id',
    auth: 'admin',
    tag,
    summary: 'Revoke an API key',
    description: 'Refused by this process at once and by every other within a second. A key cannot revoke itself (409): another admin key does it.',
    params: z.object({ id: z.string().meta({ description: 'An API key ID' }) }),
    responses: { 200: { description: 'The revoked key', schema: apiKeyBody } },
    problems: [401, 403, 404, 409],
  },
});
