import type { ApiKey } from '../../lib/generated/prisma/client';

/** An API key as listed: never the key itself, never its hash. */
export function presentApiKey(key: ApiKey) {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    user_email: key.userEmail,
    prefix: key.prefix,
    created_at: key.createdAt.toISOString(),
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
  };
}
