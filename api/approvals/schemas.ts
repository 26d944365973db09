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
