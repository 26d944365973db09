import { findTaskRecord } from '../../api/tasks/present';
import type { Config } from '../config';
import type { Prisma } from '../db/client';
import { type EventRow, presentEvent } from '../events/present';

export type PayloadConfig = Pick<Config, 'TEMPORAL_UI_URL' | 'TEMPORAL_NAMESPACE'>;

/**
 * The JSON body every attempt of a delivery sends: the event, and for `task.*` events the full
 * task record (with its artifact IDs) as of dispatch, or null when the task was deleted since.
 */
export async function webhookBody(db: Prisma.TransactionClient, event: EventRow, config: PayloadConfig): Promise<string> {
  if (!event.type.startsWith('task.') || !event.taskId) return JSON.stringify(presentEvent(event));
  return JSON.stringify({ ...presentEvent(event), task: await findTaskRecord(db, event.tenantId, event.taskId, config) });
}
