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
 * Where artifact files live. Keys are internal paths (`<tenant>/<task>/<artifact>`), never shown
 * to clients. `put` is atomic: a reader sees the whole content or nothing, and writing the same
 * key twice leaves one copy.
 */
export interface ContentStore {
  put(key: string, content: Readable | Buffer): Promise<StoredContent>;
  /** The content, or the given range of it; rejects with `ContentMissingError` if there is none. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** Removes the content; removing what is not there is not an error. */
  delete(key: string): Promise<void>;
}

export class ContentMissingError extends Error {
  override name = 'ContentMissingError';
  constructor(readonly key: string) {
    super(`No stored content at ${key}`);
  }
}
