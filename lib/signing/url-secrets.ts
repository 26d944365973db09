import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { type DownloadUrlSigner, createDownloadUrlSigner } from './download-urls';

/**
 * The download URL signer (artifacts and uploaded files) for this process: ARTIFACT_URL_SECRETS
 * when set (required when several API processes must accept each other's URLs), otherwise a
 * secret kept in the data directory.
 */
export function downloadUrlSignerFor(config: Pick<Config, 'ARTIFACT_URL_SECRETS' | 'ARTIFACT_URL_TTL_SECONDS' | 'dataDir'>): DownloadUrlSigner {
  const secrets = config.ARTIFACT_URL_SECRETS ?? [readOrCreateSecret(path.join(config.dataDir, 'artifact-url-secret'))];
  return createDownloadUrlSigner({ secrets, ttlSeconds: config.ARTIFACT_URL_TTL_SECONDS });
}

function readOrCreateSecret(file: string): string {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written whole under another name, then linked into place: the file is never seen half
    // written, and if another process linked its secret first, theirs is kept.
    const temporary = `${file}.${randomBytes(6).toString('hex')}`;
    fs.writeFileSync(temporary, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flush: true });
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret; delete it to have a new one made, or set ARTIFACT_URL_SECRETS`);
  return secret;
}
