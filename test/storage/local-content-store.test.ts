import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { ContentMissingError } from '../../lib/storage/content-store';
import { createLocalContentStore } from '../../lib/storage/local-content-store';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-store-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('local content store', () => {
  it('stores a streamed file, hashing and measuring it on the way, and reads it back whole or in part', async () => {
    const store = createLocalContentStore(root);
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, index) => bytes.subarray(index * 65536, (index + 1) * 65536));
    const stored = await store.put('ten_A/task_1/art_1', Readable.from(chunks));
    expect(stored).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length });
    expect((await buffer(await store.read('ten_A/task_1/art_1'))).equals(bytes)).toBe(true);
    expect((await buffer(await store.read('ten_A/task_1/art_1', { start: 10, end: 19 }))).equals(bytes.subarray(10, 20))).toBe(true);
    // Nothing but the file itself is left behind.
    expect(fs.readdirSync(path.join(root, 'ten_A', 'task_1'))).toEqual(['art_1']);
  });

  it('replaces content atomically when a key is written again, and deletes idempotently', async () => {
    const store = createLocalContentStore(root);
    await store.put('k/a', Buffer.from('first'));
    await store.put('k/a', Buffer.from('second'));
    expect((await buffer(await store.read('k/a'))).toString()).toBe('second');
    await store.delete('k/a');
    await store.delete('k/a');
    await expect(store.read('k/a')).rejects.toBeInstanceOf(ContentMissingError);
  });

  it('leaves no partial file when the source fails half-way', async () => {
    const store = createLocalContentStore(root);
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('source broke'));
      },
    });
    await expect(store.put('k/broken', failing)).rejects.toThrow('source broke');
    expect(fs.readdirSync(path.join(root, 'k'))).toEqual([]);
  });

  it('refuses keys that would leave the store', async () => {
    const store = createLocalContentStore(root);
    await expect(store.put('../outside', Buffer.from('x'))).rejects.toThrow('escapes the store');
  });
});
