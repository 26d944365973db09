import type { Config } from '../config';
import type { ContentStore } from './content-store';
import { createLocalContentStore } from './local-content-store';
import { createS3ContentStore } from './s3-content-store';

type StoreConfig = Pick<
  Config,
  'ARTIFACT_STORE' | 'artifactDir' | 'S3_BUCKET' | 'S3_PREFIX' | 'S3_REGION' | 'S3_ENDPOINT' | 'S3_FORCE_PATH_STYLE' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY'
>;

/** The configured artifact content store: the local filesystem, or an S3(-compatible) bucket. */
export function openContentStore(config: StoreConfig): ContentStore {
  if (config.ARTIFACT_STORE === 'local') return createLocalContentStore(config.artifactDir);
  return createS3ContentStore({
    bucket: config.S3_BUCKET!,
    prefix: config.S3_PREFIX,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials:
      config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
        : undefined,
  });
}
