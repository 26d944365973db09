import { Prisma } from './client';

/**
 * Sets `expires_at` of a tenant's artifacts (all of them, or only `artifactIds`) from the
 * tenant's retention window: `created_at` plus the window, or never. The tenant row is locked
 * first, so this and a concurrent change of the window cannot miss each other's rows.
 */
export async function applyRetentionWindow(tx: Prisma.TransactionClient, tenantId: string, artifactIds?: string[]): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM tenants WHERE id = ${tenantId} FOR SHARE`;
  await tx.$executeRaw`
    UPDATE artifacts a
       SET expires_at = CASE WHEN t.artifact_retention_days IS NULL THEN NULL ELSE a.created_at + make_interval(days => t.artifact_retention_days) END
      FROM tenants t
     WHERE t.id = a.tenant_id AND a.tenant_id = ${tenantId} ${artifactIds ? Prisma.sql`AND a.id = ANY(${artifactIds})` : Prisma.empty}`;
}
