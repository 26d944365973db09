import { z } from 'zod';

export const APPROVAL_STATUSES = ['pending', 'approved', 'denied', 'expired', 'cancelled'] as const;

export const listApprovalsQuery = z.object({
  status: z.enum(APPROVAL_STATUSES).optional(),
  task_id: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional(),
});

export const decisionBody = z.strictObject({
  comment: z.string().max(5_000).optional(),
});

const timestamp = z.iso.datetime();

export const approvalBody = z
  .object({
    approval_id: z.string(),
    task_id: z.string(),
    artifact_id: z.string().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    status: z.enum(APPROVAL_STATUSES),
    comment: z.string().nullable(),
    decided_by: z.string().nullable(),
    requested_at: timestamp,
    expires_at: timestamp.nullable(),
    decided_at: timestamp.nullable(),
  })
  .meta({ id: 'Approval' });

export const approvalPage = z.object({ approvals: z.array(approvalBody), next_cursor: z.string().nullable() });
export const decidedApproval = approvalBody.extend({ task_status: z.string().meta({ description: "The task's status after the decision" }) });
export const approvalIdParams = z.object({ id: z.string().meta({ description: 'An approval ID (apr_…)' }) });
