import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { ContentMissingError, type ContentStore } from '../../lib/storage/content-store';

/** What every content store must do, whatever it keeps the bytes in. */
export function describeContentStoreContract(name: string, store: () => ContentStore): void {
  describe(`${name}: the content store contract`, () => {
    it('stores a streamed file, hashing and measuring it on the way, and reads it back whole or in part', async () => {
      const bytes = randomBytes(3 * 1024 * 1024 + 17);
      const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, index) => bytes.subarray(index * 65536, (index + 1) * 65536));
      const stored = await store().put('ten_A/task_1/art_1', Readable.from(chunks));
      expect(stored).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length });
      expect((await buffer(await store().read('ten_A/task_1/art_1'))).equals(bytes)).toBe(true);
      expect((await buffer(await store().read('ten_A/task_1/art_1', { start: 10, end: 19 }))).equals(bytes.subarray(10, 20))).toBe(true);
    });

    it('replaces content when a key is written again, and deletes idempotently', async () => {
      await store().put('k/a', Buffer.from('first'));
      await store().put('k/a', Buffer.from('second'));
      expect((await buffer(await store().read('k/a'))).toString()).toBe('second');
      await store().delete('k/a');
      await store().delete('k/a');
      await expect(store().read('k/a')).rejects.toBeInstanceOf(ContentMissingError);
    });

    it('deletes everything under a prefix, and nothing else', async () => {
      await store().put('ten_A/task_2/art_1/exec-1', Buffer.from('a'));
      await store().put('ten_A/task_2/art_2/exec-1', Buffer.from('b'));
      await store().put('ten_A/task_22/art_1/exec-1', Buffer.from('c'));
      await store().deletePrefix('ten_A/task_2/');
      await store().deletePrefix('ten_A/task_2/');
      await expect(store().read('ten_A/task_2/art_1/exec-1')).rejects.toBeInstanceOf(ContentMissingError);
      await expect(store().read('ten_A/task_2/art_2/exec-1')).rejects.toBeInstanceOf(ContentMissingError);
      expect((await buffer(await store().read('ten_A/task_22/art_1/exec-1'))).toString()).toBe('c');
    });

    it('stores empty content', async () => {
      expect(await store().put('k/empty', Buffer.alloc(0))).toEqual({ sha256: createHash('sha256').digest('hex'), sizeBytes: 0 });
      expect((await buffer(await store().read('k/empty'))).length).toBe(0);
    });

    it('stores nothing readable when the source fails half-way', async () => {
      const failing = new Readable({
        read() {
          this.push(Buffer.alloc(1024));
          this.destroy(new Error('source broke'));
        },
      });
      await expect(store().put('k/broken', failing)).rejects.toThrow('source broke');
      await expect(store().read('k/broken')).rejects.toBeInstanceOf(ContentMissingError);
    });
  });
}
