import type { Database } from '../../lib/db/client';
import { type TaskEventOwner, appendTaskEvents } from '../../lib/db/task-events';
import { newId } from '../../lib/ids';
import type { EventType } from '../../workflows/model';

/** A queued task row of `tenantId`, with no events yet, to append events to. */
export async function seedTask(db: Database, tenantId: string, agent = 'echo'): Promise<TaskEventOwner> {
  const task = await db.task.create({ data: { id: newId('task'), tenantId, agent, taskType: 'echo', input: {}, status: 'queued' } });
  return { taskId: task.id, tenantId, agent };
}

/** Appends one event per type through the single writer, appendTaskEvents; returns their IDs. */
export async function appendEvents(
  db: Database,
  owner: TaskEventOwner,
  types: EventType[],
  options: { at?: Date; data?: Record<string, unknown> } = {},
): Promise<string[]> {
  const events = types.map((type) => ({ id: newId('evt'), type, data: { task_id: owner.taskId, ...options.data } }));
  await db.$transaction((tx) => appendTaskEvents(tx, owner, events, options.at ?? new Date()));
  return events.map((event) => event.id);
}
