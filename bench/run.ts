/**
 * `npm run bench`: the figures of issue 14, side by side with a raw-Temporal baseline on the same
 * Temporal dev server, for both database modes, as one Markdown table.
 *
 * Starts a Temporal dev server (SQLite in a temp directory, as `npm start` does), runs the raw
 * baseline on it, then for each database mode starts Taskwright as real processes (`dist/server.js`,
 * plus `dist/worker.js` with DATABASE_URL) on loopback and drives them over HTTP, then measures
 * event appends on a fresh database of that mode. Progress goes to stderr, the table to stdout.
 * Every process, database and temp directory it made is removed at the end, on failure, on
 * Ctrl-C and when BENCH_TIMEOUT_S runs out. Knobs: see `knobs()` below and the README.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { Client as PgClient } from 'pg';
import { createDatabase as openDatabase } from '../lib/db/client';
import { startEmbeddedPostgres } from '../lib/db/embedded';
import { migrate } from '../lib/db/migrate';
import { createDatabase, dropDatabase, ensurePostgres, uniqueDatabaseName } from '../scripts/local-postgres';
import { type AppendResult, WRITER_COUNTS, measureEventAppends } from './event-append';
import { Cleanup } from './lib/cleanup';
import { Api } from './lib/http';
import { type DatabaseMode, type TaskwrightProcesses, cpuSeconds, findProcesses, openFileLimit, startTaskwright } from './lib/processes';
import { startBenchTemporal, temporalLogSummary } from './lib/temporal';
import { measureRawTemporal } from './raw-temporal/measure';
import { measureReads } from './scenarios/reads';
import { measureSseFanout } from './scenarios/sse';
import { createTasks, measureTaskThroughput } from './scenarios/tasks';
import { measureWebhooks } from './scenarios/webhooks';
import { type BenchResults, type ModeResult, SCENARIOS, type Scenario, type TableSettings, renderTable } from './table';

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

interface Knobs extends TableSettings {
  modes: DatabaseMode[];
  timeoutSeconds: number;
  cpuProfileDir?: string;
}

function knobs(): Knobs {
  const integer = (name: string, fallback: number, min = 1) => {
    const raw = process.env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, not ${JSON.stringify(raw)}`);
    return value;
  };
  const list = <T extends string>(name: string, allowed: readonly T[], fallback: readonly T[]): T[] => {
    const raw = process.env[name]?.trim();
    if (!raw) return [...fallback];
    const values = raw.split(',').map((value) => value.trim()).filter((value) => value !== '');
    const unknown = values.filter((value) => !allowed.includes(value as T));
    if (unknown.length > 0 || values.length === 0) throw new Error(`${name} takes a comma-separated list of ${allowed.join(', ')}; got ${JSON.stringify(raw)}`);
    return values as T[];
  };
  const rates = (process.env.BENCH_READ_RATES?.trim() || '200,400,800').split(',').map(Number);
  if (rates.some((rate) => !Number.isInteger(rate) || rate < 1)) throw new Error('BENCH_READ_RATES takes a comma-separated list of requests per second');
  // A smaller BENCH_TASKS scales the webhook and append scenarios down too, unless they are set.
  const tasks = integer('BENCH_TASKS', 300);
  return {
    tasks,
    concurrency: integer('BENCH_CONCURRENCY', 16),
    sseClients: integer('BENCH_SSE_CLIENTS', 1000),
    sseTasks: integer('BENCH_SSE_TASKS', 20),
    readRates: rates,
    readSeconds: integer('BENCH_READ_SECONDS', 5),
    webhooks: integer('BENCH_WEBHOOKS', 10),
    webhookTasks: integer('BENCH_WEBHOOK_TASKS', Math.min(100, tasks)),
    events: integer('BENCH_EVENTS', Math.min(2000, Math.max(tasks * 10, 160)), WRITER_COUNTS.at(-1)),
    modes: list('BENCH_MODES', ['embedded', 'postgres'] as const, ['embedded', 'postgres']),
    scenarios: new Set(list('BENCH_SCENARIOS', SCENARIOS, SCENARIOS)),
    timeoutSeconds: integer('BENCH_TIMEOUT_S', 3600),
    cpuProfileDir: process.env.BENCH_CPU_PROFILE?.trim() ? path.resolve(process.env.BENCH_CPU_PROFILE.trim()) : undefined,
  };
}

async function main(): Promise<number> {
  const settings = knobs();
  const began = performance.now();
  const loadBefore = os.loadavg()[0]!;
  const cleanup = new Cleanup(log);
  const results: BenchResults = { modes: {} };
  const context: string[] = [];
  const notes: string[] = [];

  const report = () => {
    const minutes = (performance.now() - began) / 60_000;
    const out: string[] = [];
    out.push(`Taskwright bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${[describeMachine(loadBefore), ...context].join(', ')}; took ${minutes.toFixed(1)} min.`);
    out.push(`${settings.tasks} tasks/workflows from ${settings.concurrency} concurrent clients; one Temporal dev server (SQLite file, as \`npm start\` runs it) for every column; ✓/✗: the goal of issue 14 met or not.`);
    out.push('');
    out.push(renderTable(results, settings));
    const allNotes = [...notesOf(results, settings), ...notes];
    if (allNotes.length > 0) out.push('', ...allNotes);
    process.stdout.write(`\n${out.join('\n')}\n`);
  };

  let interrupted = false;
  const abort = (why: string, code: number) => {
    if (interrupted) return;
    interrupted = true;
    log(`${why}: cleaning up`);
    notes.push(`- Stopped early: ${why}.`);
    void cleanup
      .runAll()
      .then(report)
      .finally(() => process.exit(code));
  };
  process.on('SIGINT', () => abort('interrupted', 130));
  process.on('SIGTERM', () => abort('terminated', 143));
  const bound = setTimeout(() => abort(`BENCH_TIMEOUT_S (${settings.timeoutSeconds} s) ran out`, 1), settings.timeoutSeconds * 1000);
  bound.unref();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-bench-'));
  cleanup.add('temp directory', () => fs.rmSync(tmp, { recursive: true, force: true }));
  let failed = false;
  try {
    checkFileLimit(settings);
    Runtime.install({ logger: new DefaultLogger('WARN') });

    log('starting the Temporal dev server (SQLite in a temp directory, as npm start does)');
    const temporal = await startBenchTemporal(tmp, log);
    cleanup.add('Temporal dev server', () => temporal.teardown());
    // Read before the temp directory goes.
    cleanup.add('Temporal log summary', () => {
      const summary = temporalLogSummary(temporal.logFile);
      if (summary.errors > 0) notes.push(`- The Temporal dev server logged ${summary.errors} errors and ${summary.warnings} warnings; the first: ${summary.firstError}.`);
    });
    const temporalPids = findProcesses('temporal', process.pid);

    if (settings.scenarios.has('raw')) {
      log(`raw Temporal: ${settings.tasks} workflows, ${settings.concurrency} concurrent starters`);
      try {
        results.raw = await measureRawTemporal({ address: temporal.address, count: settings.tasks, concurrency: settings.concurrency, timeoutMs: 60_000 + settings.tasks * 1_000 });
        log(`  ${results.raw.perSecond.toFixed(1)} workflows/s, start p50 ${results.raw.startLatencyMs.p50.toFixed(1)} ms`);
      } catch (error) {
        results.rawError = (error as Error).message;
        log(`  failed: ${results.rawError}`);
      }
    }

    for (const mode of settings.modes) {
      const result: ModeResult = { errors: {} };
      results.modes[mode] = result;
      await runMode(mode, result, { settings, tmp, temporalAddress: temporal.address, temporalPids, cleanup, context });
    }
    failed = results.rawError !== undefined || Object.values(results.modes).some((result) => Object.keys(result.errors).length > 0);
  } catch (error) {
    failed = true;
    log(`failed: ${(error as Error).stack ?? String(error)}`);
    notes.push(`- Failed: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    if (!interrupted) {
      log('cleaning up');
      await cleanup.runAll();
    }
    clearTimeout(bound);
  }
  // Ctrl-C or the time bound: abort() reports and exits.
  if (interrupted) return new Promise<number>(() => {});
  report();
  return failed ? 1 : 0;
}

interface ModeContext {
  settings: Knobs;
  tmp: string;
  temporalAddress: string;
  temporalPids: number[];
  cleanup: Cleanup;
  context: string[];
}

const LIVE_SCENARIOS: Scenario[] = ['tasks', 'reads', 'sse', 'webhooks'];

/** One database mode: Taskwright's processes and the HTTP scenarios, then event appends. */
async function runMode(mode: DatabaseMode, result: ModeResult, { settings, tmp, temporalAddress, temporalPids, cleanup, context }: ModeContext): Promise<void> {
  const { scenarios } = settings;
  let adminUrl: string | undefined;
  if (mode === 'postgres') {
    try {
      adminUrl = await ensurePostgres();
      context.push(`PostgreSQL ${await postgresVersion(adminUrl)}`);
    } catch (error) {
      result.errors.start = (error as Error).message;
      log(`${mode}: no PostgreSQL: ${result.errors.start}`);
      return;
    }
  }

  if (LIVE_SCENARIOS.some((scenario) => scenarios.has(scenario))) {
    let databaseUrl: string | undefined;
    let databaseName: string | undefined;
    let dropLiveDatabase: (() => Promise<void>) | undefined;
    if (adminUrl) {
      const name = uniqueDatabaseName('bench');
      databaseName = name;
      try {
        databaseUrl = await createDatabase(adminUrl, name);
      } catch (error) {
        result.errors.start = (error as Error).message;
        log(`${mode}: could not create a database: ${result.errors.start}`);
        return;
      }
      dropLiveDatabase = cleanup.add(`database ${name}`, () => dropDatabase(adminUrl, name));
    }
    log(`${mode}: starting Taskwright (${mode === 'embedded' ? 'API and worker in one process' : 'API and worker processes'})`);
    let taskwright: TaskwrightProcesses | undefined;
    try {
      taskwright = await startTaskwright({
        mode,
        temporalAddress,
        dataDir: path.join(tmp, mode),
        databaseUrl,
        taskQueue: `bench-${mode}`,
        nodeArgs: settings.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(settings.cpuProfileDir, mode)}`] : undefined,
        cleanup,
        log,
      });
    } catch (error) {
      result.errors.start = (error as Error).message;
      log(`${mode}: could not start: ${result.errors.start}`);
    }
    if (taskwright) {
      const running = taskwright;
      const api = new Api(running.baseUrl, running.apiKey, { maxSockets: 256 });
      // A scenario races the processes and a time bound: a process dying or a scenario hanging
      // ends the mode (its state is unknown), any other failure only costs that scenario.
      let stoppedBy: string | undefined;
      const step = async <T>(scenario: Scenario, label: string, timeoutMs: number, work: () => Promise<T>): Promise<T | undefined> => {
        if (!scenarios.has(scenario)) return undefined;
        if (stoppedBy) {
          result.errors[scenario] = `not run: ${stoppedBy}`;
          return undefined;
        }
        log(`${mode}: ${label}`);
        let timer: NodeJS.Timeout | undefined;
        let timedOut = false;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            timedOut = true;
            reject(new Error(`did not finish within ${timeoutMs / 1000} s`));
          }, timeoutMs);
        });
        try {
          return await Promise.race([work(), running.crashed, timeout]);
        } catch (error) {
          const message = (error as Error).message;
          result.errors[scenario] = message;
          log(`${mode}: ${scenario} failed: ${message}`);
          const exited = running.children.some((child) => child.process.exitCode !== null || child.process.signalCode !== null);
          if (timedOut || exited) stoppedBy = `${scenario} ${timedOut ? 'hung' : 'ended with a process exit'}`;
          return undefined;
        } finally {
          clearTimeout(timer);
        }
      };

      const pids = {
        [mode === 'embedded' ? 'API + worker' : 'API']: running.children[0]?.process.pid,
        ...(running.children[1] && { worker: running.children[1].process.pid }),
      };
      const database = adminUrl && databaseName ? { adminUrl, name: databaseName } : undefined;
      const cpuBefore = await cpuSnapshot(pids, temporalPids, database);
      const cpuBegan = performance.now();
      result.tasks = await step('tasks', `${settings.tasks} echo tasks, ${settings.concurrency} concurrent clients`, 120_000 + settings.tasks * 2_000, () =>
        measureTaskThroughput(api, { count: settings.tasks, concurrency: settings.concurrency, timeoutMs: 60_000 + settings.tasks * 1_000 }),
      );
      if (result.tasks) {
        result.cpu = cpuShare(cpuBefore, await cpuSnapshot(pids, temporalPids, database), (performance.now() - cpuBegan) / 1000);
        log(`  ${result.tasks.perSecond.toFixed(1)} tasks/s, POST p50 ${result.tasks.createLatencyMs.p50.toFixed(1)} ms, p99 ${result.tasks.createLatencyMs.p99.toFixed(1)} ms`);
      }

      const readTimeoutMs = 10_000;
      result.reads = await step('reads', `GET /v1/tasks/:id at ${settings.readRates.join(', ')} rps`, settings.readRates.length * (settings.readSeconds * 1000 + readTimeoutMs + 5_000) + 60_000, async () => {
        const ids = result.tasks?.taskIds.slice(0, 100) ?? (await createTasks(api, 20));
        return measureReads(api, ids, { rates: settings.readRates, seconds: settings.readSeconds, timeoutMs: readTimeoutMs });
      });
      for (const read of result.reads ?? []) {
        if (!read.skipped) log(`  ${read.rate} rps: p50 ${read.p50Ms.toFixed(1)} ms, p99 ${read.p99Ms.toFixed(1)} ms, ${read.errors} errors${read.collapsed ? ' (collapsed)' : ''}; bench event-loop delay p99 ${read.benchLoopDelayP99Ms.toFixed(1)} ms`);
      }

      result.sse = await step('sse', `${settings.sseClients} SSE clients, ${settings.sseTasks} tasks`, 180_000 + settings.sseClients * 100, () =>
        measureSseFanout(api, { clients: settings.sseClients, tasks: settings.sseTasks, gapMs: 100, timeoutMs: 30_000 }),
      );
      if (result.sse) log(`  p50 ${result.sse.p50Ms.toFixed(1)} ms, p99 ${result.sse.p99Ms.toFixed(1)} ms, ${result.sse.received}/${result.sse.expected} received; bench event-loop delay p99 ${result.sse.benchLoopDelayP99Ms.toFixed(1)} ms`);

      const deliveries = settings.webhooks * settings.webhookTasks;
      result.webhooks = await step('webhooks', `${settings.webhooks} webhooks × ${settings.webhookTasks} tasks`, 120_000 + deliveries * 300, () =>
        measureWebhooks(api, { subscriptions: settings.webhooks, tasks: settings.webhookTasks, concurrency: settings.concurrency, timeoutMs: 60_000 + deliveries * 200 }),
      );
      if (result.webhooks) log(`  ${result.webhooks.perSecond.toFixed(1)} deliveries/s, ${result.webhooks.delivered}/${result.webhooks.expected}, ${result.webhooks.duplicates} duplicates`);

      api.close();
      log(`${mode}: stopping Taskwright`);
      await running.stop();
    }
    await dropLiveDatabase?.();
  }

  if (scenarios.has('appends')) {
    log(`${mode}: event appends, ${settings.events} per writer count, on a fresh ${mode === 'embedded' ? 'embedded database' : 'database'}`);
    try {
      result.appends = await measureAppends(mode, adminUrl, path.join(tmp, `${mode}-appends`), settings.events, cleanup);
      for (const append of result.appends) log(`  ${append.writers} writers: ${append.perSecond.toFixed(0)}/s, p99 ${append.p99Ms.toFixed(1)} ms`);
    } catch (error) {
      result.errors.appends = (error as Error).message;
      log(`${mode}: appends failed: ${result.errors.appends}`);
    }
  }
}

/** bench/event-append.ts's measurement on a fresh database: pooled like the API's in each mode. */
async function measureAppends(mode: DatabaseMode, adminUrl: string | undefined, dataDir: string, events: number, cleanup: Cleanup): Promise<AppendResult[]> {
  let url: string;
  let release: () => Promise<void>;
  let db: ReturnType<typeof openDatabase>;
  if (mode === 'embedded') {
    const embedded = await startEmbeddedPostgres(dataDir);
    release = cleanup.add('embedded database (appends)', () => embedded.stop());
    url = embedded.url;
    await migrate(url);
    // As lib/db/open.ts opens it: the embedded database takes one connection.
    db = openDatabase(url, 1, { transactionMaxWaitMs: 30_000 });
  } else {
    const name = uniqueDatabaseName('bench_appends');
    url = await createDatabase(adminUrl!, name);
    release = cleanup.add(`database ${name}`, () => dropDatabase(adminUrl!, name));
    await migrate(url);
    db = openDatabase(url, Math.max(...WRITER_COUNTS) + 2);
  }
  try {
    return await measureEventAppends(db, { events, listenUrl: mode === 'embedded' ? undefined : url });
  } finally {
    await db.$disconnect();
    await release();
  }
}

interface CpuSnapshot {
  byProcess: Record<string, number>;
  /** CPU seconds of each backend serving the mode's database, by PID. */
  backends: Map<number, number>;
}

/** CPU seconds used so far by the bench, Taskwright's processes, the dev server and the database's backends. */
async function cpuSnapshot(pids: Record<string, number | undefined>, temporalPids: number[], database?: { adminUrl: string; name: string }): Promise<CpuSnapshot> {
  const usage = process.cpuUsage();
  const byProcess: Record<string, number> = { bench: (usage.user + usage.system) / 1e6 };
  for (const [name, pid] of Object.entries(pids)) byProcess[name] = cpuSeconds(pid);
  byProcess['Temporal dev server'] = temporalPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const backends = new Map<number, number>();
  if (database) {
    for (const pid of await backendPids(database.adminUrl, database.name)) backends.set(pid, cpuSeconds(pid));
  }
  return { byProcess, backends };
}

function cpuShare(before: CpuSnapshot, after: CpuSnapshot, seconds: number): Record<string, number> {
  const share: Record<string, number> = {};
  for (const [name, value] of Object.entries(after.byProcess)) share[name] = (value - (before.byProcess[name] ?? 0)) / seconds;
  if (after.backends.size > 0) {
    // Backends that ended meanwhile are missing: a lower bound (the pools keep theirs open).
    let used = 0;
    for (const [pid, value] of after.backends) if (Number.isFinite(value)) used += value - (before.backends.get(pid) ?? 0);
    share['PostgreSQL backends'] = used / seconds;
  }
  return share;
}

async function backendPids(adminUrl: string, database: string): Promise<number[]> {
  const client = new PgClient({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

function notesOf(results: BenchResults, settings: Knobs): string[] {
  const notes: string[] = [];
  for (const [mode, result] of Object.entries(results.modes)) {
    if (result.cpu) {
      const parts = Object.entries(result.cpu)
        .filter(([, cores]) => Number.isFinite(cores))
        .map(([name, cores]) => `${name} ${cores.toFixed(2)}`);
      notes.push(`- CPU while the ${mode} tasks ran (cores; the machine has ${os.cpus().length}; PostgreSQL: the backends of this mode's database): ${parts.join(', ')}.`);
    }
    const delays = [
      ...(result.reads ?? []).filter((read) => !read.skipped).map((read) => `${read.rate} rps ${read.benchLoopDelayP99Ms.toFixed(1)} ms`),
      ...(result.sse ? [`SSE ${result.sse.benchLoopDelayP99Ms.toFixed(1)} ms`] : []),
    ];
    if (delays.length > 0) notes.push(`- The bench's own event-loop delay p99 (${mode}), a client-side share of those latencies: ${delays.join(', ')}.`);
    for (const [scenario, message] of Object.entries(result.errors)) notes.push(`- ${mode} ${scenario}: ${message.split('\n')[0]}`);
  }
  if (results.rawError) notes.push(`- raw Temporal: ${results.rawError}`);
  if (settings.cpuProfileDir) notes.push(`- CPU profiles of the API and worker processes: ${settings.cpuProfileDir}`);
  return notes;
}

function checkFileLimit(settings: Knobs): void {
  if (!settings.scenarios.has('sse')) return;
  const limit = openFileLimit();
  // Each SSE client is a socket here and one in the API process, plus their ordinary sockets.
  const needed = settings.sseClients + 500;
  if (Number.isFinite(limit) && limit < needed) {
    throw new Error(`ulimit -n is ${limit}; ${settings.sseClients} SSE clients need about ${needed} open files per process. Raise it (ulimit -n ${needed * 2}) or lower BENCH_SSE_CLIENTS.`);
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version.split(' ')[0] ?? 'unknown';
  } finally {
    await client.end();
  }
}

function describeMachine(loadBefore: number): string {
  let commit = '';
  try {
    commit = `, commit ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: __dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}`;
  } catch {
    // Not a git checkout.
  }
  return `${os.cpus().length} cores (load average ${loadBefore.toFixed(2)} before the run), Node ${process.version}${commit}`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
