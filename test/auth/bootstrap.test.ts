import { generateApiKey } from '../../lib/auth/api-keys';
import { ensureDevTenant } from '../../lib/auth/bootstrap';
import { type Database, createDatabase } from '../../lib/db/client';
import { testEnvironment } from '../support/globals';

let db: Database;
beforeAll(() => {
  db = createDatabase(testEnvironment().databaseUrl, 4);
});
afterAll(async () => {
  await db.$disconnect();
});

describe('ensureDevTenant with TASKWRIGHT_DEV_API_KEY', () => {
  it('makes exactly that key valid once, however many processes start, and refuses it once revoked', async () => {
    const key = generateApiKey();
    const results = await Promise.all([ensureDevTenant(db, key), ensureDevTenant(db, key), ensureDevTenant(db, key)]);
    expect(results.filter((result) => result.createdKey === key)).toHaveLength(1);
    expect(new Set(results.map((result) => result.tenantId)).size).toBe(1);
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: results[0]!.tenantId } });
    expect(tenant.operator).toBe(true);

    await db.apiKey.updateMany({ where: { tenantId: tenant.id, name: 'dev admin key' }, data: { revokedAt: new Date() } });
    await expect(ensureDevTenant(db, key)).rejects.toThrow('TASKWRIGHT_DEV_API_KEY names a revoked API key');
  });
});
