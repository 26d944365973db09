import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ArtifactUrlClaims {
  artifactId: string;
  tenantId: string;
}

export interface SignedArtifactPath {
  /** Path and query, to be put after the public base URL. */
  path: string;
  expiresAt: Date;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: 'expired' | 'invalid' };

/**
 * Signs artifact download URLs: an HMAC-SHA256 over the artifact ID, its tenant and the expiry.
 * The first secret signs; every secret verifies, so a rotated-out secret keeps the URLs it signed
 * working until they expire.
 */
export function createArtifactUrlSigner(options: { secrets: string[]; ttlSeconds: number }) {
  const [signingSecret] = options.secrets;
  if (!signingSecret) throw new Error('Artifact URL signing needs at least one secret');
  const mac = (secret: string, claims: ArtifactUrlClaims, expires: number) =>
    createHmac('sha256', secret).update(`artifact\n${claims.artifactId}\n${claims.tenantId}\n${expires}`).digest();

  return {
    ttlSeconds: options.ttlSeconds,

    sign(claims: ArtifactUrlClaims, now = new Date()): SignedArtifactPath {
      const expires = Math.floor(now.getTime() / 1000) + options.ttlSeconds;
      const query = new URLSearchParams({
        tenant: claims.tenantId,
        expires: String(expires),
        signature: mac(signingSecret, claims, expires).toString('base64url'),
      });
      return { path: `/files/artifacts/${encodeURIComponent(claims.artifactId)}?${query}`, expiresAt: new Date(expires * 1000) };
    },

    verify(claims: ArtifactUrlClaims, expires: string, signature: string, now = new Date()): SignatureCheck {
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

export type ArtifactUrlSigner = ReturnType<typeof createArtifactUrlSigner>;
