import { proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { type TaskStatus, isTerminal } from './model';

const { createScheduledTask, readTaskStatus } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

// Checks of the task's status back off from a second to this, so a long task adds little history.
const MAX_CHECK_INTERVAL_MS = 5 * 60 * 1000;

/**
 * The action of a schedule's Temporal Schedule: creates the run's task (an ordinary task with the
 * schedule as its trigger), then lasts until that task has ended, so the schedule's overlap policy
 * (skip, buffer one, allow all) governs the tasks. Answers the task's ID (null if the schedule was
 * deleted meanwhile).
 */
export async function scheduledTaskWorkflow(scheduleId: string): Promise<string | null> {
  const created = await createScheduledTask({ scheduleId, runId: workflowInfo().workflowId });
  if (!created) return null;
  for (let interval = 1_000; ; interval = Math.min(interval * 2, MAX_CHECK_INTERVAL_MS)) {
    const status = await readTaskStatus(created.taskId);
    // A deleted task has ended too.
    if (status === null || isTerminal(status as TaskStatus)) return created.taskId;
    await sleep(interval);
  }
}
