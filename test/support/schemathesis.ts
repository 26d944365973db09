import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCHEMATHESIS_VERSION = '4.32.5';

/**
 * The schemathesis command, installed from PyPI into a virtual environment the first time. The
 * environment is kept outside the work tree (like the Temporal CLI) so that clean clones on the
 * same machine reuse it.
 */
export function schemathesisCommand(): string {
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const venv = path.join(cacheHome, 'taskwright', `schemathesis-${SCHEMATHESIS_VERSION}`);
  const command = path.join(venv, 'bin', 'schemathesis');
  if (!fs.existsSync(command)) {
    fs.rmSync(venv, { recursive: true, force: true });
    execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
    execFileSync(path.join(venv, 'bin', 'pip'), ['install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`], { stdio: 'inherit' });
  }
  return command;
}
