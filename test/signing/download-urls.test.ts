import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDownloadUrlSigner } from '../../lib/signing/download-urls';
import { downloadUrlSignerFor } from '../../lib/signing/url-secrets';

const claims = { kind: 'artifact' as const, id: 'art_01J00000000000000000000000', tenantId: 'ten_A' };
const now = new Date('2026-11-23T10:00:00Z');
const paramsOf = (path: string) => new URL(path, 'http://x').searchParams;

describe('download URL signing', () => {
  const signer = createDownloadUrlSigner({ secrets: ['current-secret'], ttlSeconds: 900 });

  it('accepts its own signature until the URL expires, then answers expired', () => {
    const { path, expiresAt } = signer.sign(claims, now);
    expect(expiresAt).toEqual(new Date('2026-11-23T10:15:00Z'));
    expect(path).toMatch(/^\/files\/artifacts\/art_01J0{23}\?tenant=ten_A&expires=\d+&signature=[\w-]+$/);
    const query = paramsOf(path);
    const check = (at: Date) => signer.verify(claims, query.get('expires')!, query.get('signature')!, at);
    expect(check(new Date('2026-11-23T10:14:59Z'))).toEqual({ valid: true });
    expect(check(new Date('2026-11-23T10:15:00Z'))).toEqual({ valid: false, reason: 'expired' });
  });

  it('refuses a tampered expiry, another artifact, another tenant and a garbled signature', () => {
    const query = paramsOf(signer.sign(claims, now).path);
    const expires = query.get('expires')!;
    const signature = query.get('signature')!;
    expect(signer.verify(claims, String(Number(expires) + 3600), signature, now)).toEqual({ valid: false, reason: 'invalid' });
    expect(signer.verify({ ...claims, id: 'art_other' }, expires, signature, now)).toEqual({ valid: false, reason: 'invalid' });
    expect(signer.verify({ ...claims, tenantId: 'ten_B' }, expires, signature, now)).toEqual({ valid: false, reason: 'invalid' });
    expect(signer.verify(claims, expires, `${signature.slice(0, -2)}AA`, now)).toEqual({ valid: false, reason: 'invalid' });
    expect(signer.verify(claims, 'soon', signature, now)).toEqual({ valid: false, reason: 'invalid' });
    // The same bytes spelled differently (the last character's unused low bits) are refused too.
    const last = signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sameBytes = alphabet[alphabet.indexOf(last) ^ 1]!;
    expect(signer.verify(claims, expires, `${signature.slice(0, -1)}${sameBytes}`, now)).toEqual({ valid: false, reason: 'invalid' });
  });

  it('still accepts artifact URLs signed before files had URLs of their own', () => {
    // The MAC of an artifact URL as it has always been computed.
    const expires = String(Math.floor(now.getTime() / 1000) + 900);
    const legacy = createHmac('sha256', 'current-secret').update(`artifact\n${claims.id}\n${claims.tenantId}\n${expires}`).digest('base64url');
    expect(signer.verify(claims, expires, legacy, now)).toEqual({ valid: true });
    expect(paramsOf(signer.sign(claims, now).path).get('signature')).toBe(legacy);
  });

  it('signs files under their own path, and a file signature opens no artifact of the same ID', () => {
    const file = { kind: 'file' as const, id: 'file_01J00000000000000000000000', tenantId: 'ten_A' };
    const { path } = signer.sign(file, now);
    expect(path).toMatch(/^\/files\/uploads\/file_01J0{23}\?tenant=ten_A&expires=\d+&signature=[\w-]+$/);
    const query = paramsOf(path);
    expect(signer.verify(file, query.get('expires')!, query.get('signature')!, now)).toEqual({ valid: true });
    expect(signer.verify({ ...file, kind: 'artifact' }, query.get('expires')!, query.get('signature')!, now)).toEqual({ valid: false, reason: 'invalid' });
  });

  it('keeps URLs signed with a rotated-out secret valid while it is still configured', () => {
    const before = paramsOf(createDownloadUrlSigner({ secrets: ['old-secret'], ttlSeconds: 900 }).sign(claims, now).path);
    const rotated = createDownloadUrlSigner({ secrets: ['new-secret', 'old-secret'], ttlSeconds: 900 });
    const retired = createDownloadUrlSigner({ secrets: ['new-secret'], ttlSeconds: 900 });
    expect(rotated.verify(claims, before.get('expires')!, before.get('signature')!, now)).toEqual({ valid: true });
    expect(retired.verify(claims, before.get('expires')!, before.get('signature')!, now)).toEqual({ valid: false, reason: 'invalid' });
    const fresh = paramsOf(rotated.sign(claims, now).path);
    expect(retired.verify(claims, fresh.get('expires')!, fresh.get('signature')!, now)).toEqual({ valid: true });
  });
});

describe('the signing secret kept in the data directory', () => {
  it('is made once and then reused, so URLs survive a restart; a broken one is refused, not used', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-secret-'));
    const config = { dataDir, ARTIFACT_URL_SECRETS: undefined, ARTIFACT_URL_TTL_SECONDS: 900 };
    const query = paramsOf(downloadUrlSignerFor(config).sign(claims, now).path);
    expect(downloadUrlSignerFor(config).verify(claims, query.get('expires')!, query.get('signature')!, now)).toEqual({ valid: true });
    expect(fs.readdirSync(dataDir)).toEqual(['artifact-url-secret']);
    expect(fs.statSync(path.join(dataDir, 'artifact-url-secret')).mode & 0o777).toBe(0o600);

    fs.writeFileSync(path.join(dataDir, 'artifact-url-secret'), '');
    expect(() => downloadUrlSignerFor(config)).toThrow('holds no usable secret');
  });
});
