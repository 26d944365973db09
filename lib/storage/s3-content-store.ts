import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { ContentMissingError, type ContentStore } from './content-store';
import { spoolToFile } from './local-content-store';

export interface S3ContentStoreOptions {
  bucket: string;
  /** Put before every key, e.g. `artifacts/`. */
  prefix: string;
  region: string;
  /** For S3-compatible services (MinIO, R2, Ceph, ...); AWS when omitted. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** The SDK's default credential chain when omitted. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Where content is spooled (and hashed) before upload. */
  spoolDir?: string;
}

/**
 * Artifact content in an S3(-compatible) bucket. Content is first spooled to a local file, which
 * yields its sha256 and size, then uploaded with a known length in one PutObject, which S3 makes
 * visible atomically: a reader sees the whole object or none.
 */
export function createS3ContentStore(options: S3ContentStoreOptions): ContentStore {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    // Plain signed requests: S3-compatible services do not all take the SDK's newer checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const spoolDir = options.spoolDir ?? os.tmpdir();
  // `artifacts` and `artifacts/` mean the same folder.
  const folder = options.prefix === '' || options.prefix.endsWith('/') ? options.prefix : `${options.prefix}/`;
  const objectKey = (key: string) => `${folder}${key}`;

  return {
    async put(key, content) {
      const spooled = path.join(spoolDir, `taskwright-upload-${randomBytes(8).toString('hex')}`);
      try {
        const stored = await spoolToFile(content, spooled);
        await client.send(
          new PutObjectCommand({
            Bucket: options.bucket,
            Key: objectKey(key),
            Body: fs.createReadStream(spooled),
            ContentLength: stored.sizeBytes,
            Metadata: { sha256: stored.sha256 },
          }),
        );
        return stored;
      } finally {
        await fs.promises.rm(spooled, { force: true });
      }
    },

    async read(key, range) {
      try {
        const object = await client.send(
          new GetObjectCommand({ Bucket: options.bucket, Key: objectKey(key), ...(range && { Range: `bytes=${range.start}-${range.end}` }) }),
        );
        // A service that ignored the Range would hand back the whole object as if it were the part.
        if (range && object.ContentRange?.startsWith(`bytes ${range.start}-${range.end}/`) !== true) {
          (object.Body as Readable).destroy();
          throw new Error(`The storage service did not honour the byte range of ${key}`);
        }
        return object.Body as Readable;
      } catch (error) {
        if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) {
          throw new ContentMissingError(key);
        }
        throw error;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: objectKey(key) }));
    },

    async deletePrefix(prefix) {
      for (;;) {
        const listed = await client.send(new ListObjectsV2Command({ Bucket: options.bucket, Prefix: objectKey(prefix) }));
        const keys = (listed.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
        await Promise.all(keys.map((Key) => client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key }))));
        if (!listed.IsTruncated) return;
      }
    },
  };
}
