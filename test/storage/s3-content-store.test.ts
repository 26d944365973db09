import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { type S3ContentStoreOptions, createS3ContentStore } from '../../lib/storage/s3-content-store';
import { describeContentStoreContract } from './content-store-contract';

// s3rver: an S3-compatible server on loopback, files in a temp dir. It checks access keys (not
// SigV4 signatures), so the credentials test below uses an unknown key.
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-s3rver-'));
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: 'artifacts' }] });
let options: S3ContentStoreOptions;

beforeAll(async () => {
  const { port } = await server.run();
  options = {
    bucket: 'artifacts',
    prefix: 'taskwright/',
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
});
afterAll(async () => {
  await server.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

describeContentStoreContract('S3-compatible', () => createS3ContentStore(options));

describe('S3 content store', () => {
  it('keeps objects under its prefix', async () => {
    await createS3ContentStore(options).put('ten_A/task_1/art_1', Buffer.from('x'));
    expect(fs.existsSync(path.join(directory, 'artifacts', 'taskwright', 'ten_A', 'task_1'))).toBe(true);
  });

  it('fails with the service\'s error when the credentials are wrong, and leaves no spooled file', async () => {
    const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-spool-'));
    const store = createS3ContentStore({ ...options, spoolDir, credentials: { accessKeyId: 'NOBODY', secretAccessKey: 'wrong' } });
    await expect(store.put('k/denied', Buffer.from('x'))).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    expect(fs.readdirSync(spoolDir)).toEqual([]);
  });
});
