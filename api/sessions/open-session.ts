import type { Prisma } from '../../lib/db/client';
import { HttpProblem, notFound } from '../problem';

/**
 * Inside a task's create transaction: the session it names must be an open session of the
 * tenant (unknown: 404, closed: 409). The row stays share-locked until the task is written, so a
 * close that commits first is seen here and one that comes later waits for the task.
 */
export async function requireOpenSession(tx: Prisma.TransactionClient, tenantId: string, sessionId: string): Promise<void> {
  const [session] = await tx.$queryRaw<{ status: string }[]>`
    SELECT status FROM sessions WHERE id = ${sessionId} AND tenant_id = ${tenantId} FOR SHARE`;
  if (!session) throw notFound(`Session ${sessionId}`);
  if (session.status !== 'open') {
    throw new HttpProblem(409, 'session_closed', `Session ${sessionId} is closed: it takes no new tasks.`, { session_id: sessionId, current_status: session.status });
  }
}
