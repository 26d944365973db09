import { z } from 'zod';

export const updateRetentionBody = z
  .strictObject({
    artifact_retention_days: z.number().int().min(1).max(36_500).nullable().optional(),
    draft_expiry_days: z.number().int().min(1).max(365).optional(),
  })
  .refine((body) => body.artifact_retention_days !== undefined || body.draft_expiry_days !== undefined, {
    message: 'Give artifact_retention_days (null keeps artifacts forever) or draft_expiry_days',
  });

export const retentionSettings = z
  .object({
    artifact_retention_days: z.int().nullable().meta({ description: 'null keeps artifacts forever' }),
    draft_expiry_days: z.int(),
  })
  .meta({ id: 'Retention' });
