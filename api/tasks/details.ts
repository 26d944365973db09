import type { Database } from '../../lib/db/client';
import { appendTaskEvents } from '../../lib/db/task-events';
import { newId } from '../../lib/ids';
import type { TaskRow } from './present';

// Request field → projection column, for everything that is not part of the state machine.
const DETAIL_COLUMNS = {
  title: 'title',
  description: 'description',
  type: 'type',
  skills: 'skills',
  followers: 'followers',
  assigned_users: 'assignedUsers',
  feedback: 'feedback',
} as const satisfies Record<string, keyof TaskRow>;
export type TaskDetail = keyof typeof DETAIL_COLUMNS;

/**
 * Changes details that are not part of the task's state machine (title, assignees, feedback on
 * a finished task, ...) in the projection directly, with one `task.updated` event saying what
 * changed, from what, to what. Setting a field to what it already is records nothing.
 */
export async function updateTaskDetails(db: Database, task: TaskRow, changes: Partial<Record<TaskDetail, unknown>>, by: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await tx.task.findUniqueOrThrow({ where: { id: task.id } });
    const fields: Partial<Record<TaskDetail, { from: unknown; to: unknown }>> = {};
    for (const [field, to] of Object.entries(changes) as [TaskDetail, unknown][]) {
      const from = current[DETAIL_COLUMNS[field]];
      if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) fields[field] = { from, to };
    }
    const changed = Object.entries(fields) as [TaskDetail, { to: unknown }][];
    if (changed.length === 0) return;
    const owner = { taskId: task.id, tenantId: task.tenantId, agent: task.agent };
    await appendTaskEvents(tx, owner, [{ id: newId('evt'), type: 'task.updated', data: { task_id: task.id, fields, by } }], new Date());
    await tx.task.update({ where: { id: task.id }, data: Object.fromEntries(changed.map(([field, change]) => [DETAIL_COLUMNS[field], change.to])) });
  });
}
