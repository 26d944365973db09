import type { Router } from 'express';
import { type ApiKeyLookup, issueApiKey } from '../../lib/auth/api-keys';
import type { Database } from '../../lib/db/client';
import { principalOf } from '../middleware/auth';
import { HttpProblem, notFound } from '../problem';
import { routerFrom } from '../route-table/register';
import { presentApiKey } from './present';
import { apiKeyRoutes } from './routes';

/** The caller's tenant's API keys; managing them takes an admin key. */
export function apiKeysRouter({ db, apiKeys }: { db: Database; apiKeys: ApiKeyLookup }): Router {
  return routerFrom(apiKeyRoutes, {
    async createApiKey(req, res, { body }) {
      const { tenantId } = principalOf(req);
      const { record, key } = await issueApiKey(db, { tenantId, name: body.name, role: body.role, userEmail: body.user_email });
      res.status(201).json({ ...presentApiKey(record), key });
    },
    async listApiKeys(req, res) {
      const { tenantId } = principalOf(req);
      const keys = await db.apiKey.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } });
      res.json({ api_keys: keys.map(presentApiKey) });
    },
    async revokeApiKey(req, res, { params }) {
      const { tenantId, keyId } = principalOf(req);
      const key = await db.apiKey.findFirst({ where: { id: params.id, tenantId } });
      if (!key) throw notFound(`API key ${params.id}`);
      // Nobody locks themselves out by mistake: a key is revoked with another admin key.
      if (key.id === keyId) {
        throw new HttpProblem(409, 'own_key', 'This request is made with the key it would revoke; revoke it with another admin key.', { api_key_id: key.id });
      }
      // Revoking twice keeps the first revocation time.
      const revoked = key.revokedAt ? key : await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
      // Refused here from now on; other processes notice within a second (ApiKeyLookup).
      apiKeys.forget(key.hash);
      res.json(presentApiKey(revoked));
    },
  });
}
