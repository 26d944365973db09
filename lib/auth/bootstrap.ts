import type { Database } from '../db/client';
import { newId } from '../ids';
import { hashApiKey, issueApiKey } from './api-keys';

export interface DevTenant {
  tenantId: string;
  /** Set only when a new key was created; existing keys cannot be shown again. */
  createdKey?: string;
}

const BOOTSTRAP_LOCK = 0x74770001;

/**
 * Makes sure the operator ("dev") tenant exists with an admin key. With `devKey` that exact key
 * is made valid, so scripts can use a known key; without it a random key is created only when
 * the database has no tenant yet. Safe when several processes start at once.
 */
export async function ensureDevTenant(db: Database, devKey?: string): Promise<DevTenant> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`;
    let tenant = await tx.tenant.findFirst({ where: { operator: true }, orderBy: { createdAt: 'asc' } });
    if (devKey) {
      const existing = await tx.apiKey.findUnique({ where: { hash: hashApiKey(devKey) } });
      if (existing?.revokedAt) {
        throw new Error('TASKWRIGHT_DEV_API_KEY names a revoked API key; set another key (or unset it).');
      }
      if (existing) return { tenantId: existing.tenantId };
    } else if (tenant) {
      return { tenantId: tenant.id };
    }
    tenant ??= await tx.tenant.create({ data: { id: newId('ten'), name: 'dev', operator: true } });
    const { key } = await issueApiKey(tx, { tenantId: tenant.id, name: 'dev admin key', role: 'admin', key: devKey });
    return { tenantId: tenant.id, createdKey: key };
  });
}
