import { z } from 'zod';

export const ARTIFACT_APPROVAL_STATUSES = ['not_required', 'pending', 'approved', 'rejected', 'expired'] as const;

export const listArtifactsQuery = z.object({
  task_id: z.string().min(1).max(100).optional(),
  workflow_id: z.string().min(1).max(200).optional(),
  run_id: z.string().min(1).max(200).optional(),
  type: z.string().min(1).max(200).optional(),
  approval_status: z.enum(ARTIFACT_APPROVAL_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional(),
});

export const artifactDecisionBody = z.strictObject({
  comment: z.string().max(5_000).optional(),
});
