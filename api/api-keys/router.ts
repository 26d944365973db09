import { Router } from 'express';
import { type ApiKeyLookup, issueApiKey } from '../../lib/auth/api-keys';
import type { Database } from '../../lib/db/client';
import { requireAdmin } from '../middleware/auth';
import { methodNotAllowed } from '../middleware/errors';
import { notFound } from '../problem';
import { parseBody } from '../validation';
import { presentApiKey } from './present';
import { createApiKeyBody } from './schemas';

/** The caller's tenant's API keys; managing them takes an admin key. */
export function apiKeysRouter({ db, apiKeys }: { db: Database; apiKeys: ApiKeyLookup }): Router {
  const router = Router();

  router
    .route('/v1/api-keys')
    .post(async (req, res) => {
      const { tenantId } = requireAdmin(req);
      const body = parseBody(createApiKeyBody, req);
      const { record, key } = await issueApiKey(db, { tenantId, name: body.name, role: body.role, userEmail: body.user_email });
      res.status(201).json({ ...presentApiKey(record), key });
    })
    .get(async (req, res) => {
      const { tenantId } = requireAdmin(req);
      const keys = await db.apiKey.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } });
      res.json({ api_keys: keys.map(presentApiKey) });
    })
    .all(methodNotAllowed);

  router
    .route('/v1/api-keys/:id')
    .delete(async (req, res) => {
      const { tenantId } = requireAdmin(req);
      const key = await db.apiKey.findFirst({ where: { id: req.params.id, tenantId } });
      if (!key) throw notFound(`API key ${req.params.id}`);
      // Revoking twice keeps the first revocation time.
      const revoked = key.revokedAt ? key : await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
      // Refused here from now on; other processes notice within a second (ApiKeyLookup).
      apiKeys.forget(key.hash);
      res.json(presentApiKey(revoked));
    })
    .all(methodNotAllowed);

  return router;
}
