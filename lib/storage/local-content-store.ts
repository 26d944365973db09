import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ByteRange, ContentMissingError, type ContentStore, type StoredContent } from './content-store';

/** Artifact content as files under one directory (by default `<DATA_DIR>/artifacts`). */
export function createLocalContentStore(root: string): ContentStore {
  const pathOf = (key: string) => {
    const resolved = path.resolve(root, key);
    // Keys are built by the server, but a key must never reach outside the store.
    if (!resolved.startsWith(path.resolve(root) + path.sep)) throw new Error(`Content key escapes the store: ${key}`);
    return resolved;
  };

  return {
    async put(key, content) {
      const target = pathOf(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      // Written under a temporary name and flushed, then renamed: a crash leaves no half file.
      const temporary = `${target}.${randomBytes(6).toString('hex')}.partial`;
      try {
        const stored = await spoolToFile(content, temporary);
        await fs.promises.rename(temporary, target);
        // The rename is durable only once the directory entry is on disk too.
        await syncToDisk(path.dirname(target), 'r');
        return stored;
      } catch (error) {
        await fs.promises.rm(temporary, { force: true });
        throw error;
      }
    },

    async read(key, range?: ByteRange) {
      const file = pathOf(key);
      try {
        await fs.promises.access(file);
      } catch {
        throw new ContentMissingError(key);
      }
      return fs.createReadStream(file, range && { start: range.start, end: range.end });
    },

    async delete(key) {
      await fs.promises.rm(pathOf(key), { force: true });
    },

    async deletePrefix(prefix) {
      await fs.promises.rm(pathOf(prefix.replace(/\/+$/, '')), { recursive: true, force: true });
    },
  };
}

/** Writes `content` to `file` and flushes it to disk, hashing and measuring it on the way. */
export async function spoolToFile(content: Readable | Buffer, file: string): Promise<StoredContent> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      done(null, chunk);
    },
  });
  // Created here, written with `r+`: a stream torn down before it opened cannot create the file
  // again after the caller removed it.
  await (await fs.promises.open(file, 'w')).close();
  await pipeline(Buffer.isBuffer(content) ? Readable.from([content]) : content, measure, fs.createWriteStream(file, { flags: 'r+' }));
  await syncToDisk(file, 'r+');
  return { sha256: hash.digest('hex'), sizeBytes };
}

async function syncToDisk(file: string, flags: 'r' | 'r+'): Promise<void> {
  const handle = await fs.promises.open(file, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
