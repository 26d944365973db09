import type { Database } from '../db/client';

/** What a tenant's content takes in the store: its artifacts' and its uploaded files' bytes. */
export async function tenantStoredBytes(db: Database, tenantId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ bytes: bigint }[]>`
    SELECT (SELECT COALESCE(sum(size_bytes), 0) FROM artifacts WHERE tenant_id = ${tenantId})
         + (SELECT COALESCE(sum(size_bytes), 0) FROM files WHERE tenant_id = ${tenantId}) AS bytes`;
  return Number(row!.bytes);
}
