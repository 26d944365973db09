import type { Approval } from '../../lib/generated/prisma/client';

export function presentApproval(approval: Approval) {
  return {
    approval_id: approval.id,
    task_id: approval.taskId,
    artifact_id: approval.artifactId,
    title: approval.title,
    description: approval.description,
    status: approval.status,
    comment: approval.comment,
    decided_by: approval.decidedBy,
    requested_at: approval.requestedAt.toISOString(),
    expires_at: approval.expiresAt?.toISOString() ?? null,
    decided_at: approval.decidedAt?.toISOString() ?? null,
  };
}
