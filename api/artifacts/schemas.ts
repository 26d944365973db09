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

const timestamp = z.iso.datetime();

/** An artifact as clients see it (SPEC section 4); file artifacts carry a fresh signed URL. */
export const artifactBody = z
  .object({
    artifact_id: z.string(),
    tenant_id: z.string(),
    task_id: z.string(),
    workflow_id: z.string(),
    run_id: z.string(),
    type: z.string(),
    display_name: z.string(),
    mime_type: z.string(),
    size_bytes: z.int(),
    sha256: z.string().nullable(),
    data: z.unknown().meta({ description: 'The structured content (JSON), if any' }),
    approval_status: z.enum(ARTIFACT_APPROVAL_STATUSES),
    expires_at: timestamp.nullable(),
    created_at: timestamp,
    signed_url: z.string().optional().meta({ description: 'File artifacts: a download URL valid for 15 minutes' }),
    signed_url_expires_at: timestamp.optional(),
  })
  .meta({ id: 'Artifact' });

export const artifactListBody = z.object({ artifacts: z.array(artifactBody) });
export const artifactPage = z.object({ artifacts: z.array(artifactBody), next_cursor: z.string().nullable() });
export const artifactDeleted = z.object({ deleted: z.literal(true), artifact_id: z.string() });
export const artifactIdParams = z.object({ id: z.string().meta({ description: 'An artifact ID (art_…)' }) });
