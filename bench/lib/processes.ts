import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { generateApiKey } from '../../lib/auth/api-keys';
import { stopChild, waitForWorker, waitUntilReady } from '../../scripts/child-processes';
import type { Cleanup } from './cleanup';

export type DatabaseMode = 'embedded' | 'postgres';

export interface TaskwrightProcesses {
  baseUrl: string;
  apiKey: string;
  /** The API process and, with DATABASE_URL, the worker process. */
  children: { name: string; process: ChildProcess }[];
  /** Rejects when a process exits while the bench still needs it. */
  crashed: Promise<never>;
  /** Stops every process (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
}

export interface StartOptions {
  mode: DatabaseMode;
  temporalAddress: string;
  dataDir: string;
  databaseUrl?: string;
  taskQueue: string;
  /** Extra node flags for the children (e.g. --cpu-prof). */
  nodeArgs?: string[];
  cleanup: Cleanup;
  log: (line: string) => void;
}

const DIST = path.join(__dirname, '..', '..');
const STOP_GRACE_MS = 10_000;

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Taskwright as `npm start` runs it, as real processes: `dist/server.js` and, with DATABASE_URL,
 * `dist/worker.js`, on loopback, with a fresh data directory and a generated dev key. Their
 * output goes to `<dataDir>/<name>.log` (shown when one fails). Ready means what `npm start`
 * waits for: /healthz, /readyz, and a worker polling the task queue.
 */
export async function startTaskwright(options: StartOptions): Promise<TaskwrightProcesses> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const port = await freePort();
  const apiKey = generateApiKey();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'PUBLIC_BASE_URL', 'ARTIFACT_DIR', 'ARTIFACT_STORE', 'ARTIFACT_URL_SECRETS', 'TEMPORAL_NAMESPACE']) delete env[name];
  Object.assign(env, {
    TEMPORAL_ADDRESS: options.temporalAddress,
    DATA_DIR: options.dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    TASK_QUEUE: options.taskQueue,
    TASKWRIGHT_DEV_API_KEY: apiKey,
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    LOG_LEVEL: 'warn',
    SHUTDOWN_GRACE_MS: '5000',
    // The limiter runs (its cost is part of every figure) with room for the bench's one key.
    RATE_LIMIT_PER_KEY: process.env.RATE_LIMIT_PER_KEY ?? '100000',
    RATE_LIMIT_PER_TENANT: process.env.RATE_LIMIT_PER_TENANT ?? '100000',
    // The SSE scenario's clients all use that one key.
    SSE_MAX_CONNECTIONS_PER_KEY: process.env.SSE_MAX_CONNECTIONS_PER_KEY ?? '100000',
    ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }),
  });

  const children: { name: string; process: ChildProcess; log: string }[] = [];
  let stopping = false;
  let reportCrash: (error: Error) => void = () => {};
  const crashed = new Promise<never>((_, reject) => {
    reportCrash = reject;
  });
  crashed.catch(() => {});

  const spawnChild = (name: string, entry: string) => {
    const log = path.join(options.dataDir, `${name}.log`);
    const out = fs.openSync(log, 'a');
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(DIST, entry)], { env, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      reportCrash(new Error(`the ${options.mode} ${name} process exited (${signal ?? `code ${code}`})\n${tail(log)}`));
    });
    children.push({ name, process: child, log });
    return child;
  };

  const stop = async () => {
    stopping = true;
    await Promise.all(children.map((child) => stopChild(child.process, STOP_GRACE_MS)));
  };
  const unregister = options.cleanup.add(`${options.mode} processes`, stop);

  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    const api = spawnChild('api', 'server.js');
    await waitUntilReady(`${baseUrl}/healthz`, api);
    const worker = options.databaseUrl ? spawnChild('worker', 'worker.js') : api;
    await waitUntilReady(`${baseUrl}/readyz`, api);
    await waitForWorker(options.temporalAddress, 'default', options.taskQueue, worker);
    return { baseUrl, apiKey, children, crashed, stop: unregister };
  } catch (error) {
    const logs = children.map((child) => `${child.name}:\n${tail(child.log)}`).join('\n');
    await unregister();
    throw new Error(`${(error as Error).message}\n${logs}`);
  }
}

function tail(file: string, lines = 20): string {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd();
    return text === '' ? '    (no output)' : text.split('\n').slice(-lines).map((line) => `    ${line}`).join('\n');
  } catch {
    return '    (no output)';
  }
}

/** The open-file limit this process (and so its children) runs under; Infinity when unlimited. */
export function openFileLimit(): number {
  try {
    const value = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
    return value === 'unlimited' ? Number.POSITIVE_INFINITY : Number(value);
  } catch {
    return Number.NaN;
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc; NaN when unknown. */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces), counted from field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** PIDs of live processes whose command name starts with `name` (and whose parent is `parentPid`, when given). */
export function findProcesses(name: string, parentPid?: number): number[] {
  const found: number[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (command.startsWith(name) && (parentPid === undefined || ppid === parentPid)) found.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}
