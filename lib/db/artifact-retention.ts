import { Prisma } from './client';

/**
 * Sets `expires_at` of a tenant's artifacts (all of them, or only `artifactIds`) from the
 * tenant's retention window: `created_at` plus the window, or never. The tenant row is locked
 * first (FOR SHARE, which hands over the row's latest version once a concurrent change of the
 * window commits), so this and that change cannot miss each other's rows.
 */
export async function applyRetentionWindow(tx: Prisma.TransactionClient, tenantId: string, artifactIds?: string[]): Promise<void> {
  await tx.$executeRaw`
    WITH tenant AS MATERIALIZED (SELECT artifact_retention_days AS days FROM tenants WHERE id = ${tenantId} FOR SHARE)
    UPDATE artifacts a
       SET expires_at = CASE WHEN tenant.days IS NULL THEN NULL ELSE a.created_at + make_interval(days => tenant.days) END
      FROM tenant
     WHERE a.tenant_id = ${tenantId} ${artifactIds ? Prisma.sql`AND a.id = ANY(${artifactIds})` : Prisma.empty}`;
}
