import { type Database, Prisma } from '../../lib/db/client';
import { taskSearchCondition } from '../../lib/db/task-search';
import type { TaskStatus } from '../../workflows/model';
import type { Position } from '../cursor';

export interface TaskFilters {
  tenantId: string;
  agent?: string;
  status?: TaskStatus;
  type?: string;
  sessionId?: string;
  search?: string;
  /** Tasks this person owns or is assigned to. */
  mine?: string;
}


/** The WHERE clause of a task listing. Raw SQL because Prisma cannot express full-text search. */
function whereClause(filters: TaskFilters, after?: Position): Prisma.Sql {
  const conditions = [Prisma.sql`tenant_id = ${filters.tenantId}`];
  if (filters.agent !== undefined) conditions.push(Prisma.sql`agent = ${filters.agent}`);
  if (filters.status !== undefined) conditions.push(Prisma.sql`status = ${filters.status}`);
  if (filters.type !== undefined) conditions.push(Prisma.sql`type = ${filters.type}`);
  if (filters.sessionId !== undefined) conditions.push(Prisma.sql`session_id = ${filters.sessionId}`);
  if (filters.search !== undefined) conditions.push(taskSearchCondition(filters.search));
  if (filters.mine !== undefined) conditions.push(Prisma.sql`(owner_email = ${filters.mine} OR ${filters.mine} = ANY(assigned_users))`);
  if (after) conditions.push(Prisma.sql`(created_at, id) < (${after.at}, ${after.id})`);
  return Prisma.join(conditions, ' AND ');
}

/**
 * IDs of matching tasks, newest first; ties on created_at are broken by id, so the order is total
 * and stable and keyset paging (`after`) neither repeats nor skips.
 */
export async function findTaskIds(
  db: Database,
  filters: TaskFilters,
  page: { limit: number; offset?: number; after?: Position },
): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM tasks WHERE ${whereClause(filters, page.after)}
     ORDER BY created_at DESC, id DESC
     LIMIT ${page.limit} OFFSET ${page.offset ?? 0}`;
  return rows.map((row) => row.id);
}

export async function countTasks(db: Database, filters: TaskFilters): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM tasks WHERE ${whereClause(filters)}`;
  return row?.count ?? 0;
}
