import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../paths';

// Tools the project provisions for itself (the Temporal CLI, the time-skipping test server) are
// cached twice: in the git-ignored .tools/bin of the work tree, and outside it, so fresh clones on
// the same machine find them without building again.
export const projectBinDir = path.join(projectRoot, '.tools', 'bin');
export const machineCacheDir = path.join(os.homedir(), '.cache', 'taskwright');
export const machineBinDir = path.join(machineCacheDir, 'bin');

/** Links `binary` into the project's .tools/bin under its own name and returns that path. */
export function linkIntoProject(binary: string): string {
  const projectBin = path.join(projectBinDir, path.basename(binary));
  if (binary === projectBin) return binary;
  fs.mkdirSync(projectBinDir, { recursive: true });
  fs.rmSync(projectBin, { force: true });
  fs.symlinkSync(binary, projectBin);
  return projectBin;
}

export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
