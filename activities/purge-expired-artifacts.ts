import type { Database } from '../lib/db/client';
import { type ContentStore, artifactContentPrefix } from '../lib/storage/content-store';

export interface RetentionReport {
  /** Artifacts whose retention window ended: rows and content removed. */
  purged: string[];
  /** Approval-gated artifacts whose approval ran out undecided. */
  expiredDrafts: string[];
}

const BATCH = 500;

/**
 * One retention pass. Safe to run twice or concurrently: deleting content and rows that are
 * already gone changes nothing.
 */
export function createPurgeExpiredArtifacts({ db, storage }: { db: Database; storage: ContentStore }) {
  return async function purgeExpiredArtifacts({ now }: { now: string }): Promise<RetentionReport> {
    const at = new Date(now);
    // One clock with the workflow: a draft expires when its approval's `expires_at` (fixed by the
    // workflow when it asked, the moment its timer runs out) has passed. Only a draft with no
    // approval stored falls back to its age and the tenant's current draft expiry.
    const expiredDrafts = await db.$queryRaw<{ id: string }[]>`
      UPDATE artifacts a SET approval_status = 'expired'
        FROM tenants t
       WHERE t.id = a.tenant_id AND a.approval_status = 'pending'
         AND COALESCE(
               (SELECT max(p.expires_at) FROM approvals p WHERE p.artifact_id = a.id),
               a.created_at + make_interval(days => t.draft_expiry_days)
             ) <= ${at}::timestamptz
      RETURNING a.id`;

    const purged: string[] = [];
    for (;;) {
      // Only finished tasks' artifacts: a running task may still read what it produced.
      const batch = await db.$queryRaw<{ id: string; tenant_id: string; task_id: string }[]>`
        SELECT a.id, a.tenant_id, a.task_id FROM artifacts a JOIN tasks t ON t.id = a.task_id
         WHERE a.expires_at <= ${at} AND t.status IN ('complete', 'failed', 'cancelled')
         ORDER BY a.expires_at LIMIT ${BATCH}`;
      // Content first, rows after: a pass that dies in between leaves rows the next pass finds.
      await Promise.all(batch.map((row) => storage.deletePrefix(artifactContentPrefix(row.tenant_id, row.task_id, row.id))));
      await db.artifact.deleteMany({ where: { id: { in: batch.map((row) => row.id) } } });
      purged.push(...batch.map((row) => row.id));
      if (batch.length < BATCH) break;
    }
    return { purged, expiredDrafts: expiredDrafts.map((row) => row.id) };
  };
}
