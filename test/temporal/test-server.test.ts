import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveTemporalTestServer } from '../../lib/temporal/test-server';

describe('resolveTemporalTestServer', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-test-server-'));
  const saved = process.env.TEMPORAL_TEST_SERVER_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.TEMPORAL_TEST_SERVER_PATH;
    else process.env.TEMPORAL_TEST_SERVER_PATH = saved;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses TEMPORAL_TEST_SERVER_PATH first', () => {
    const binary = path.join(dir, 'temporal-test-server');
    fs.writeFileSync(binary, '#!/bin/sh\n', { mode: 0o755 });
    process.env.TEMPORAL_TEST_SERVER_PATH = binary;
    expect(resolveTemporalTestServer()).toBe(binary);
  });

  it('refuses a TEMPORAL_TEST_SERVER_PATH that is not an executable file, naming the variable', () => {
    const notExecutable = path.join(dir, 'not-executable');
    fs.writeFileSync(notExecutable, 'text', { mode: 0o644 });
    for (const bad of [notExecutable, path.join(dir, 'missing'), dir]) {
      process.env.TEMPORAL_TEST_SERVER_PATH = bad;
      expect(() => resolveTemporalTestServer()).toThrow(`TEMPORAL_TEST_SERVER_PATH=${bad} is not an executable file.`);
    }
  });
});
