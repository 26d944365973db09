import type { Client } from '@temporalio/client';
import type { Database } from '../../lib/db/client';
import type { Approval, Task } from '../../lib/generated/prisma/client';
import { decideUpdate } from '../../workflows/definitions';
import type { Principal } from '../middleware/auth';
import { HttpProblem } from '../problem';
import { sendTaskCommand } from '../tasks/commands';

/**
 * Forwards a person's decision on a pending approval to the task's workflow, which records it
 * (and, for a gated artifact, runs its effect). Used by the approvals and the artifacts routes.
 */
export async function decideApproval(
  { db, temporal }: { db: Database; temporal: Client },
  approval: Approval & { task: Task },
  decision: 'approved' | 'denied',
  options: { comment?: string; principal: Principal },
): Promise<void> {
  const action = decision === 'approved' ? 'approve' : 'deny';
  if (approval.status !== 'pending') {
    throw new HttpProblem(409, 'approval_not_pending', `Approval ${approval.id} is ${approval.status}, not pending.`, {
      approval_id: approval.id,
      current_status: approval.status,
    });
  }
  // A gated draft the retention pass expired cannot be approved any more.
  const artifact = approval.artifactId ? await db.artifact.findUnique({ where: { id: approval.artifactId }, select: { approvalStatus: true } }) : null;
  if (artifact && artifact.approvalStatus !== 'pending' && artifact.approvalStatus !== 'not_required') {
    throw new HttpProblem(409, 'approval_not_pending', `The artifact of approval ${approval.id} is ${artifact.approvalStatus}.`, {
      approval_id: approval.id,
      artifact_id: approval.artifactId,
      current_status: artifact.approvalStatus,
    });
  }
  const command = { approvalId: approval.id, decision, comment: options.comment, decidedBy: options.principal.actor };
  const currentStatus = async () => (await db.task.findUniqueOrThrow({ where: { id: approval.taskId } })).status;
  await sendTaskCommand(temporal, approval.task, action, decideUpdate, [command], currentStatus);
}
