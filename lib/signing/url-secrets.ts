import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { type ArtifactUrlSigner, createArtifactUrlSigner } from './artifact-urls';

/**
 * The artifact URL signer for this process: ARTIFACT_URL_SECRETS when set (required when several
 * API processes must accept each other's URLs), otherwise a secret kept in the data directory.
 */
export function artifactUrlSignerFor(config: Pick<Config, 'ARTIFACT_URL_SECRETS' | 'ARTIFACT_URL_TTL_SECONDS' | 'dataDir'>): ArtifactUrlSigner {
  const secrets = config.ARTIFACT_URL_SECRETS ?? [readOrCreateSecret(path.join(config.dataDir, 'artifact-url-secret'))];
  return createArtifactUrlSigner({ secrets, ttlSeconds: config.ARTIFACT_URL_TTL_SECONDS });
}

function readOrCreateSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // `wx`: if another process created it first, use theirs.
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return fs.readFileSync(file, 'utf8').trim();
  }
}
