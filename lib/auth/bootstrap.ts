import type { Database, Prisma } from '../db/client';
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
    let tenant = await findOperatorTenant(tx);
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

const findOperatorTenant = (tx: Prisma.TransactionClient) => tx.tenant.findFirst({ where: { operator: true }, orderBy: { createdAt: 'asc' } });

/**
 * A new admin key of the operator tenant (made if there is none yet), for `npm run operator-key`:
 * how a production install, which never creates or logs a key by itself, gets its first one.
 */
export async function issueOperatorKey(db: Database, name: string): Promise<{ tenantId: string; key: string }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`;
    const tenant = (await findOperatorTenant(tx)) ?? (await tx.tenant.create({ data: { id: newId('ten'), name: 'operator', operator: true } }));
    const { key } = await issueApiKey(tx, { tenantId: tenant.id, name, role: 'admin' });
    return { tenantId: tenant.id, key };
  });
}
