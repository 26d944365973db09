import fs from 'node:fs';
import path from 'node:path';
import { resolveTemporalCli } from '../../lib/temporal/cli';
import { type DevServer, startTemporalDevServer } from '../../lib/temporal/dev-server';

/**
 * The dev server exactly as `npm start` starts it (startTemporalDevServer, history in a SQLite
 * file), except that its output goes to `<dir>/temporal.log` instead of this process's stdout:
 * the resolved CLI is run through a two-line wrapper (startTemporalDevServer has no option for
 * its output). Without a local CLI it falls back to the SDK's download, output and all.
 */
export async function startBenchTemporal(dir: string, log: (line: string) => void): Promise<DevServer & { logFile: string }> {
  const logFile = path.join(dir, 'temporal.log');
  const cli = resolveTemporalCli(log);
  const saved = process.env.TEMPORAL_CLI_PATH;
  if (cli) {
    const wrapper = path.join(dir, 'temporal-to-log');
    fs.writeFileSync(wrapper, `#!/bin/sh\nexec ${shellQuote(cli)} "$@" >>${shellQuote(logFile)} 2>&1\n`, { mode: 0o755 });
    process.env.TEMPORAL_CLI_PATH = wrapper;
  }
  try {
    const server = await startTemporalDevServer({ dbFilename: path.join(dir, 'temporal.db'), log });
    return { ...server, logFile };
  } finally {
    if (saved === undefined) delete process.env.TEMPORAL_CLI_PATH;
    else process.env.TEMPORAL_CLI_PATH = saved;
  }
}

/** How many ERROR and WARN lines the dev server logged, and the first error's message. */
export function temporalLogSummary(logFile: string): { errors: number; warnings: number; firstError?: string } {
  let text = '';
  try {
    text = fs.readFileSync(logFile, 'utf8');
  } catch {
    return { errors: 0, warnings: 0 };
  }
  const lines = text.split('\n');
  const errors = lines.filter((line) => line.includes('level=ERROR'));
  const firstError = errors[0] && /msg="([^"]*)".*?error="([^"]*)"/.exec(errors[0]);
  return {
    errors: errors.length,
    warnings: lines.filter((line) => line.includes('level=WARN')).length,
    firstError: firstError ? `${firstError[1]} (${firstError[2]})` : errors[0]?.slice(0, 200),
  };
}

const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;
