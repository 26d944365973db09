import type { Artifact } from '../../lib/generated/prisma/client';
import type { DownloadUrlSigner } from '../../lib/signing/download-urls';

/**
 * An artifact as clients see it (SPEC section 4); `storage_path` stays internal. File artifacts
 * get a fresh signed URL each time they are presented.
 */
export function presentArtifact(artifact: Artifact, signing?: { signer: DownloadUrlSigner; publicBaseUrl: string }) {
  const signed = signing && artifact.storagePath ? signing.signer.sign({ kind: 'artifact', id: artifact.id, tenantId: artifact.tenantId }) : undefined;
  return {
    artifact_id: artifact.id,
    tenant_id: artifact.tenantId,
    task_id: artifact.taskId,
    workflow_id: artifact.workflowId,
    run_id: artifact.runId,
    type: artifact.type,
    display_name: artifact.displayName,
    mime_type: artifact.mimeType,
    size_bytes: Number(artifact.sizeBytes),
    sha256: artifact.sha256,
    data: artifact.data,
    approval_status: artifact.approvalStatus,
    expires_at: artifact.expiresAt?.toISOString() ?? null,
    created_at: artifact.createdAt.toISOString(),
    ...(signed && { signed_url: `${signing!.publicBaseUrl}${signed.path}`, signed_url_expires_at: signed.expiresAt.toISOString() }),
  };
}
