import path from 'node:path';
import type { Config } from '../config';
import { readOrCreateSecret } from '../secrets/data-dir-secret';
import { type DownloadUrlSigner, createDownloadUrlSigner } from './download-urls';

/**
 * The download URL signer (artifacts and uploaded files) for this process: ARTIFACT_URL_SECRETS
 * when set (required when several API processes must accept each other's URLs), otherwise a
 * secret kept in the data directory.
 */
export function downloadUrlSignerFor(config: Pick<Config, 'ARTIFACT_URL_SECRETS' | 'ARTIFACT_URL_TTL_SECONDS' | 'dataDir'>): DownloadUrlSigner {
  const secrets = config.ARTIFACT_URL_SECRETS ?? [readOrCreateSecret(path.join(config.dataDir, 'artifact-url-secret'), 'ARTIFACT_URL_SECRETS')];
  return createDownloadUrlSigner({ secrets, ttlSeconds: config.ARTIFACT_URL_TTL_SECONDS });
}
