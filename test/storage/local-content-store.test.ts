import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createLocalContentStore } from '../../lib/storage/local-content-store';
import { describeContentStoreContract } from './content-store-contract';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-store-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describeContentStoreContract('local filesystem', () => createLocalContentStore(root));

describe('local content store', () => {
  it('leaves only the finished file behind: no temporary file after success or failure', async () => {
    const store = createLocalContentStore(root);
    await store.put('k/done', Buffer.from('x'));
    const failing = new Readable({
      read() {
        this.destroy(new Error('source broke'));
      },
    });
    await expect(store.put('k/broken', failing)).rejects.toThrow('source broke');
    expect(fs.readdirSync(path.join(root, 'k'))).toEqual(['done']);
  });

  it('refuses keys that would leave the store', async () => {
    await expect(createLocalContentStore(root).put('../outside', Buffer.from('x'))).rejects.toThrow('escapes the store');
  });
});
