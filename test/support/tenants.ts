import type { Database } from '../../lib/db/client';
import { newId } from '../../lib/ids';

/** A tenant with one queued task row, as the API leaves it after `task.created` (seq 1). */
export async function seedQueuedTask(db: Database, overrides: { agent?: string; taskType?: string } = {}) {
  const tenant = await db.tenant.create({ data: { id: newId('ten'), name: 'seeded' } });
  const task = await db.task.create({
    data: {
      id: newId('task'),
      tenantId: tenant.id,
      agent: overrides.agent ?? 'echo',
      taskType: overrides.taskType ?? 'echo',
      input: {},
      status: 'queued',
      lastSeq: 1,
    },
  });
  return { tenant, task };
}
