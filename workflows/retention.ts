import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { RetentionReport } from '../activities/purge-expired-artifacts';

const { purgeExpiredArtifacts } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  retry: { maximumInterval: '5 minutes' },
});

/** Run by the retention schedule: purge artifacts past their tenant's retention, expire stale drafts. */
export async function retentionWorkflow(): Promise<RetentionReport> {
  return purgeExpiredArtifacts({ now: new Date().toISOString() });
}
