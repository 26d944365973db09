import { presentTask } from '../../api/tasks/present';
import type { Config } from '../config';
import type { Prisma } from '../db/client';
import { type EventRow, presentEvent } from '../events/present';

// The task record's audit trail is built from these (as GET /v1/tasks/:id does).
const STATUS_EVENT_TYPES = ['task.created', 'task.status_changed', 'task.complete', 'task.failed', 'task.cancelled'];

export type PayloadConfig = Pick<Config, 'TEMPORAL_UI_URL' | 'TEMPORAL_NAMESPACE'>;

/**
 * The JSON body every attempt of a delivery sends: the event, and for `task.*` events the full
 * task record (with its artifact IDs) as of dispatch, or null when the task was deleted since.
 */
export async function webhookBody(db: Prisma.TransactionClient, event: EventRow, config: PayloadConfig): Promise<string> {
  if (!event.type.startsWith('task.') || !event.taskId) return JSON.stringify(presentEvent(event));
  const task = await db.task.findUnique({ where: { id: event.taskId } });
  if (!task) return JSON.stringify({ ...presentEvent(event), task: null });
  const [artifacts, statusEvents] = await Promise.all([
    db.artifact.findMany({ where: { taskId: task.id }, select: { id: true, type: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
    db.event.findMany({ where: { taskId: task.id, type: { in: STATUS_EVENT_TYPES } }, select: { type: true, data: true, createdAt: true }, orderBy: { seq: 'asc' } }),
  ]);
  const temporalUiUrl = `${config.TEMPORAL_UI_URL}/namespaces/${encodeURIComponent(config.TEMPORAL_NAMESPACE)}/workflows/${task.id}`;
  return JSON.stringify({ ...presentEvent(event), task: presentTask(task, { artifacts, statusEvents, temporalUiUrl }) });
}
