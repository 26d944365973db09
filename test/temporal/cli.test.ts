import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveTemporalCli } from '../../lib/temporal/cli';

describe('resolveTemporalCli', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-cli-'));
  const saved = process.env.TEMPORAL_CLI_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.TEMPORAL_CLI_PATH;
    else process.env.TEMPORAL_CLI_PATH = saved;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses TEMPORAL_CLI_PATH first', () => {
    const binary = path.join(dir, 'temporal');
    fs.writeFileSync(binary, '#!/bin/sh\n', { mode: 0o755 });
    process.env.TEMPORAL_CLI_PATH = binary;
    expect(resolveTemporalCli()).toBe(binary);
  });

  it('refuses a TEMPORAL_CLI_PATH that is not an executable file, naming the variable', () => {
    const notExecutable = path.join(dir, 'not-executable');
    fs.writeFileSync(notExecutable, 'text', { mode: 0o644 });
    for (const bad of [notExecutable, path.join(dir, 'missing'), dir]) {
      process.env.TEMPORAL_CLI_PATH = bad;
      expect(() => resolveTemporalCli()).toThrow(`TEMPORAL_CLI_PATH=${bad} is not an executable file.`);
    }
  });
});
