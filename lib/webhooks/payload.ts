import { findTaskRecords } from '../../api/tasks/present';
import type { Config } from '../config';
import type { Prisma } from '../db/client';
import { type EventRow, presentEvent } from '../events/present';

export type PayloadConfig = Pick<Config, 'TEMPORAL_UI_URL' | 'TEMPORAL_NAMESPACE'>;

const carriesTask = (event: EventRow) => event.type.startsWith('task.') && event.taskId !== null;

/**
 * The JSON body every attempt of a delivery sends, by event ID: the event, and for `task.*`
 * events the full task record (with its artifact IDs) as of dispatch, or null when the task was
 * deleted since. The task records are read in one query.
 */
export async function webhookBodies(db: Prisma.TransactionClient, events: EventRow[], config: PayloadConfig): Promise<Map<string, string>> {
  const taskIds = [...new Set(events.filter(carriesTask).map((event) => event.taskId!))];
  const tasks = taskIds.length > 0 ? await findTaskRecords(db, taskIds, config) : new Map();
  return new Map(
    events.map((event) => [
      event.id,
      JSON.stringify(carriesTask(event) ? { ...presentEvent(event), task: tasks.get(event.taskId!) ?? null } : presentEvent(event)),
    ]),
  );
}
