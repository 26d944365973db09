import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import type { retentionWorkflow } from '../../workflows/retention';

/** The schedule's ID; one per task queue, so separate deployments on one namespace keep theirs. */
export const retentionScheduleId = (taskQueue: string) => `taskwright-retention-${taskQueue}`;

/**
 * Makes sure the Temporal schedule that runs `retentionWorkflow` exists. Every worker calls this
 * at start-up; the first one creates it, the others find it there.
 */
export async function ensureRetentionSchedule(temporal: Client, options: { taskQueue: string; intervalMs: number }): Promise<void> {
  try {
    await temporal.schedule.create({
      scheduleId: retentionScheduleId(options.taskQueue),
      spec: { intervals: [{ every: options.intervalMs }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'retentionWorkflow' satisfies (typeof retentionWorkflow)['name'],
        workflowId: `retention-${options.taskQueue}`,
        taskQueue: options.taskQueue,
        args: [],
      },
      // A pass still running when the next is due makes the next one unnecessary.
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}
