import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed URL downloads: an artifact's content, or a file a tenant uploaded. */
export type DownloadKind = 'artifact' | 'file';

export interface DownloadClaims {
  kind: DownloadKind;
  id: string;
  tenantId: string;
}

export interface SignedDownloadPath {
  /** Path and query, to be put after the public base URL. */
  path: string;
  expiresAt: Date;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: 'expired' | 'invalid' };

const DOWNLOAD_PATHS: Record<DownloadKind, string> = {
  artifact: '/files/artifacts/',
  file: '/files/uploads/',
};

/** Where the signed URLs of one kind are served (`<prefix>:id`). */
export const downloadPathPrefix = (kind: DownloadKind) => DOWNLOAD_PATHS[kind];

/**
 * Signs download URLs: an HMAC-SHA256 over the kind, the ID, its tenant and the expiry, so a
 * signature for one artifact or file opens nothing else. The first secret signs; every secret
 * verifies, so a rotated-out secret keeps the URLs it signed working until they expire.
 */
export function createDownloadUrlSigner(options: { secrets: string[]; ttlSeconds: number }) {
  const [signingSecret] = options.secrets;
  if (!signingSecret) throw new Error('Download URL signing needs at least one secret');
  const mac = (secret: string, claims: DownloadClaims, expires: number) =>
    createHmac('sha256', secret).update(`${claims.kind}\n${claims.id}\n${claims.tenantId}\n${expires}`).digest();

  return {
    ttlSeconds: options.ttlSeconds,

    sign(claims: DownloadClaims, now = new Date()): SignedDownloadPath {
      const expires = Math.floor(now.getTime() / 1000) + options.ttlSeconds;
      const query = new URLSearchParams({
        tenant: claims.tenantId,
        expires: String(expires),
        signature: mac(signingSecret, claims, expires).toString('base64url'),
      });
      return { path: `${DOWNLOAD_PATHS[claims.kind]}${encodeURIComponent(claims.id)}?${query}`, expiresAt: new Date(expires * 1000) };
    },

    verify(claims: DownloadClaims, expires: string, signature: string, now = new Date()): SignatureCheck {
      const expiresAt = /^\d{1,12}$/.test(expires) ? Number(expires) : Number.NaN;
      const given = Buffer.from(signature, 'base64url');
      // Only the canonical spelling: base64 has several for the same bytes (the last character's low bits).
      const canonical = given.toString('base64url') === signature;
      const matches = canonical && Number.isFinite(expiresAt) && options.secrets.some((secret) => {
        const expected = mac(secret, claims, expiresAt);
        return given.length === expected.length && timingSafeEqual(given, expected);
      });
      if (!matches) return { valid: false, reason: 'invalid' };
      // Checked after the signature, so a forged expiry cannot tell anything apart.
      if (expiresAt * 1000 <= now.getTime()) return { valid: false, reason: 'expired' };
      return { valid: true };
    },
  };
}

export type DownloadUrlSigner = ReturnType<typeof createDownloadUrlSigner>;
