import { type ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import type { Schedule } from '../generated/prisma/client';
import type { scheduledTaskWorkflow } from '../../workflows/scheduled-task';

/** A schedule's timing and policies as the API takes them (stored as `schedules.spec`). */
export interface ScheduleSpecInput {
  cron?: string;
  interval_seconds?: number;
  timezone: string;
  overlap: keyof typeof OVERLAP_POLICIES;
  catchup_window_seconds?: number;
  jitter_seconds?: number;
}

export const OVERLAP_POLICIES = {
  skip: ScheduleOverlapPolicy.SKIP,
  buffer_one: ScheduleOverlapPolicy.BUFFER_ONE,
  allow_all: ScheduleOverlapPolicy.ALLOW_ALL,
} as const;

/**
 * The Temporal Schedule behind a Taskwright schedule (same ID): its spec and policies, and an
 * action that starts `scheduledTaskWorkflow`, which creates the run's task and lasts as long as the
 * task does, so the overlap policy applies to the tasks themselves.
 */
export function temporalScheduleOptions(schedule: Pick<Schedule, 'id' | 'tenantId' | 'taskQueue'>, spec: ScheduleSpecInput, paused: boolean) {
  return {
    scheduleId: schedule.id,
    spec: {
      ...(spec.cron !== undefined && { cronExpressions: [spec.cron] }),
      ...(spec.interval_seconds !== undefined && { intervals: [{ every: `${spec.interval_seconds}s` }] }),
      timezone: spec.timezone,
      ...(spec.jitter_seconds !== undefined && { jitter: `${spec.jitter_seconds}s` }),
    },
    action: {
      type: 'startWorkflow',
      workflowType: 'scheduledTaskWorkflow' satisfies (typeof scheduledTaskWorkflow)['name'],
      // Temporal appends each run's scheduled time, which makes every run's ID (and task) unique.
      workflowId: `${schedule.id}-run`,
      taskQueue: schedule.taskQueue,
      args: [schedule.id],
    },
    policies: {
      overlap: OVERLAP_POLICIES[spec.overlap],
      ...(spec.catchup_window_seconds !== undefined && { catchupWindow: `${spec.catchup_window_seconds}s` }),
    },
    state: { paused },
    memo: { tenant_id: schedule.tenantId },
  } satisfies ScheduleOptions;
}
