import type { ScheduleDescription } from '@temporalio/client';
import type { TaskLinkConfig } from '../tasks/present';
import type { Schedule, Task } from '../../lib/generated/prisma/client';
import type { ScheduleSpecInput } from '../../lib/temporal/task-schedules';
import type { ScheduleResponse } from './schemas';

export const temporalScheduleUrl = (config: TaskLinkConfig, scheduleId: string) =>
  config.TEMPORAL_UI_URL === undefined ? null : `${config.TEMPORAL_UI_URL}/namespaces/${encodeURIComponent(config.TEMPORAL_NAMESPACE)}/schedules/${encodeURIComponent(scheduleId)}`;

/** A schedule: what it starts (the row), its state and next runs (Temporal), its latest tasks. */
export function presentSchedule(
  schedule: Schedule,
  temporal: Pick<ScheduleDescription, 'state' | 'info'>,
  recentTasks: Pick<Task, 'id' | 'status' | 'createdAt'>[],
  config: TaskLinkConfig,
): ScheduleResponse {
  const spec = schedule.spec as unknown as ScheduleSpecInput;
  return {
    schedule_id: schedule.id,
    agent: schedule.agent,
    task_type: schedule.taskType,
    input: schedule.input as Record<string, unknown>,
    title: schedule.title,
    cron: spec.cron ?? null,
    interval_seconds: spec.interval_seconds ?? null,
    timezone: spec.timezone,
    overlap: spec.overlap,
    catchup_window_seconds: spec.catchup_window_seconds ?? null,
    jitter_seconds: spec.jitter_seconds ?? null,
    paused: temporal.state.paused,
    next_runs: temporal.info.nextActionTimes.map((time) => time.toISOString()),
    recent_tasks: recentTasks.map((task) => ({ task_id: task.id, status: task.status, created_at: task.createdAt.toISOString() })),
    links: { temporal_ui: temporalScheduleUrl(config, schedule.id) },
    created_at: schedule.createdAt.toISOString(),
    updated_at: schedule.updatedAt.toISOString(),
  };
}
