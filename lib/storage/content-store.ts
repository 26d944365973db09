import type { Readable } from 'node:stream';

export interface StoredContent {
  /** Hex sha256 of the bytes, computed while they were written. */
  sha256: string;
  sizeBytes: number;
}

/** A byte range, both ends inclusive (as in HTTP `Range: bytes=start-end`). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where artifact content and uploaded files live. Keys are internal paths
 * (`<tenant>/<task>/<artifact>/<write>`, see `artifactContentKey`; `<tenant>/files/<file>`, see
 * `fileContentKey`), never shown to clients. `put` is atomic: a reader sees the whole content
 * or nothing.
 */
export interface ContentStore {
  put(key: string, content: Readable | Buffer): Promise<StoredContent>;
  /** The content, or the given range of it; rejects with `ContentMissingError` if there is none. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** Removes the content; removing what is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Removes everything whose key starts with `prefix` (a `…/` path); idempotent. */
  deletePrefix(prefix: string): Promise<void>;
}

/** Everything stored for one task. */
export const taskContentPrefix = (tenantId: string, taskId: string) => `${tenantId}/${taskId}/`;

/** Everything stored for one artifact: the write the row points to, and any abandoned ones. */
export const artifactContentPrefix = (tenantId: string, taskId: string, artifactId: string) =>
  `${taskContentPrefix(tenantId, taskId)}${artifactId}/`;

/**
 * The key of one write of an artifact's content. Never reused: a retried attempt, or a stopped
 * execution's re-run, writes a key of its own, so content a row points to is never overwritten.
 */
export const artifactContentKey = (tenantId: string, taskId: string, artifactId: string, write: { executionId: string; attempt: number }) =>
  `${artifactContentPrefix(tenantId, taskId, artifactId)}${write.executionId}-${write.attempt}`;

/** The content of a file a tenant uploaded (task IDs start with `task_`, so this never collides). */
export const fileContentKey = (tenantId: string, fileId: string) => `${tenantId}/files/${fileId}`;

export class ContentMissingError extends Error {
  override name = 'ContentMissingError';
  constructor(readonly key: string) {
    super(`No stored content at ${key}`);
  }
}
