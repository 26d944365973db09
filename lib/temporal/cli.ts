import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { findOnPath, isExecutable, linkIntoProject, machineBinDir, projectBinDir } from './tool-cache';

// v1.5.1 is the last CLI release installable with `go install` (later go.mod files carry a
// `replace` directive); it embeds Temporal server 1.29 and the Web UI.
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

export const NO_TEMPORAL_CLI =
  'No Temporal CLI could be found or built: install Go 1.25 or newer (then it is built automatically), ' +
  'put a `temporal` binary on PATH, or set TEMPORAL_CLI_PATH to one.';

const projectBin = path.join(projectBinDir, 'temporal');
const machineBin = path.join(machineBinDir, 'temporal');

type Log = (message: string) => void;

/**
 * Finds the Temporal CLI: $TEMPORAL_CLI_PATH, then `temporal` on PATH, then the project's and the
 * machine's caches, then a `go install` build. Returns undefined when none of these works, so
 * the caller may let the SDK download the CLI (which needs internet access).
 */
export function resolveTemporalCli(log: Log = () => {}): string | undefined {
  const explicit = process.env.TEMPORAL_CLI_PATH;
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`TEMPORAL_CLI_PATH=${explicit} is not an executable file.`);
    return explicit;
  }
  const found = [findOnPath('temporal'), projectBin, machineBin].find((candidate) => candidate && isExecutable(candidate));
  if (found) return linkIntoProject(found);
  if (!findOnPath('go')) return undefined;

  log(`Building the Temporal CLI (${TEMPORAL_CLI_MODULE}); the first build takes several minutes...`);
  const build = spawnSync('go', ['install', TEMPORAL_CLI_MODULE], {
    env: { ...process.env, GOBIN: path.dirname(machineBin) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0 || !isExecutable(machineBin)) {
    throw new Error(`go install ${TEMPORAL_CLI_MODULE} failed. ${NO_TEMPORAL_CLI}`);
  }
  return linkIntoProject(machineBin);
}
