import type { Database } from '../lib/db/client';
import type { ContentStore } from '../lib/storage/content-store';

export interface RetentionReport {
  /** Artifacts whose retention window ended: rows and content removed. */
  purged: string[];
  /** Approval-gated artifacts nobody acted on within the tenant's draft expiry. */
  expiredDrafts: string[];
}

const BATCH = 500;

/**
 * One retention pass. Safe to run twice or concurrently: each row is deleted (or marked) by one
 * statement, and content is removed only for rows this pass deleted.
 */
export function createPurgeExpiredArtifacts({ db, storage }: { db: Database; storage: ContentStore }) {
  return async function purgeExpiredArtifacts({ now }: { now: string }): Promise<RetentionReport> {
    const at = new Date(now);
    const expiredDrafts = await db.$queryRaw<{ id: string }[]>`
      UPDATE artifacts a SET approval_status = 'expired'
        FROM tenants t
       WHERE t.id = a.tenant_id AND a.approval_status = 'pending'
         AND a.created_at <= ${at}::timestamptz - make_interval(days => t.draft_expiry_days)
      RETURNING a.id`;

    const purged: string[] = [];
    for (;;) {
      // Only finished tasks' artifacts: a running task may still read what it produced.
      const batch = await db.$queryRaw<{ id: string; storage_path: string | null }[]>`
        DELETE FROM artifacts WHERE id IN (
          SELECT a.id FROM artifacts a JOIN tasks t ON t.id = a.task_id
           WHERE a.expires_at <= ${at} AND t.status IN ('complete', 'failed', 'cancelled')
           LIMIT ${BATCH})
        RETURNING id, storage_path`;
      await Promise.all(batch.flatMap((row) => (row.storage_path ? [storage.delete(row.storage_path)] : [])));
      purged.push(...batch.map((row) => row.id));
      if (batch.length < BATCH) break;
    }
    return { purged, expiredDrafts: expiredDrafts.map((row) => row.id) };
  };
}
