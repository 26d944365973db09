import type { File as FileRow } from '../../lib/generated/prisma/client';
import type { DownloadUrlSigner } from '../../lib/signing/download-urls';

/** An uploaded file as clients see it, with a fresh signed download URL; `storage_path` stays internal. */
export function presentFile(file: FileRow, signing: { signer: DownloadUrlSigner; publicBaseUrl: string }) {
  const signed = signing.signer.sign({ kind: 'file', id: file.id, tenantId: file.tenantId });
  return {
    file_id: file.id,
    tenant_id: file.tenantId,
    name: file.name,
    mime_type: file.mimeType,
    size_bytes: Number(file.sizeBytes),
    sha256: file.sha256,
    purpose: file.purpose,
    created_at: file.createdAt.toISOString(),
    signed_url: `${signing.publicBaseUrl}${signed.path}`,
    signed_url_expires_at: signed.expiresAt.toISOString(),
  };
}
