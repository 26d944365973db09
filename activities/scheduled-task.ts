import type { AgentRegistry } from '../agents/registry';
import { type Database, Prisma } from '../lib/db/client';
import { type NewTask, TaskAlreadyExists, type TaskLimits, insertTaskIfValid } from '../lib/db/task-creation';
import { derivedId } from '../lib/ids';

export interface ScheduledRun {
  scheduleId: string;
  /** The ID of the workflow the schedule started: Temporal makes it unique per scheduled time. */
  runId: string;
}

/**
 * createScheduledTask: one run of a schedule: creates its task (row, `task.created`, `task_starts`), from which a
 * TaskStarter starts the task's workflow. The task ID derives from the run, so however often this
 * is retried a scheduled time has one task (a failed one, saying why, when its input no longer
 * fits or the tenant is at TENANT_MAX_QUEUED_TASKS). Answers null when the schedule was deleted meanwhile.
 */
export function createScheduledTaskActivities({ db, agents, limits }: { db: Database; agents: AgentRegistry; limits: TaskLimits }) {
  async function createScheduledTask(run: ScheduledRun): Promise<{ taskId: string } | null> {
    const schedule = await db.schedule.findUnique({ where: { id: run.scheduleId } });
    if (!schedule) return null;
    const taskId = derivedId('task', run.scheduleId, run.runId);
    if (await db.task.findUnique({ where: { id: taskId }, select: { id: true } })) return { taskId };

    const task: NewTask = {
      id: taskId,
      tenantId: schedule.tenantId,
      agent: schedule.agent,
      taskType: schedule.taskType,
      input: schedule.input as Prisma.InputJsonObject,
      taskQueue: schedule.taskQueue,
      title: schedule.title,
      trigger: { type: 'schedule', sourceId: schedule.id },
    };
    try {
      // Checked when the schedule was created; checked again in case the agent changed since.
      await db.$transaction((tx) =>
        insertTaskIfValid(
          tx,
          agents,
          task,
          {
            code: 'schedule_input_invalid',
            explain: (reason) => `Schedule ${schedule.id}'s input no longer fits ${schedule.agent}/${schedule.taskType}: ${reason}`,
          },
          limits,
        ),
      );
    } catch (error) {
      // A concurrent attempt of this run created it first.
      if (!(error instanceof TaskAlreadyExists)) throw error;
    }
    return { taskId };
  }

  /** The task's status as recorded, or null once it was deleted. */
  async function readTaskStatus(taskId: string): Promise<string | null> {
    return (await db.task.findUnique({ where: { id: taskId }, select: { status: true } }))?.status ?? null;
  }

  return { createScheduledTask, readTaskStatus };
}
