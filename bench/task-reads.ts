/**
 * `GET /v1/tasks/:id` latency at fixed arrival rates (open loop: each request is sent at its
 * scheduled time whether or not earlier ones have answered, and timed from that moment).
 *
 *   npm run build && node dist/bench/task-reads.js
 *
 * Starts `node dist/server.js` on a throwaway database of the local PostgreSQL
 * (TEST_DATABASE_ADMIN_URL for another server), seeds one finished task with a realistic event
 * trail and an artifact, and reads it at each rate of BENCH_RATES (default 200,400,800) for
 * BENCH_SECONDS (default 10) seconds. Also prints the CPU time the API process and the database's
 * backends spent per request, a figure that other load on the machine disturbs less than
 * latency. BENCH_SERVER_NODE_ARGS passes options to the API's node (e.g. `--cpu-prof`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateApiKey, hashApiKey } from '../lib/auth/api-keys';
import { createDatabase as openDatabase } from '../lib/db/client';
import { appendTaskEvents } from '../lib/db/task-events';
import { newId } from '../lib/ids';
import { projectRoot } from '../lib/paths';
import { createDatabase, dropDatabase, ensurePostgres, uniqueDatabaseName } from '../scripts/local-postgres';

const RATES = (process.env.BENCH_RATES ?? '200,400,800').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = 3917;

async function main(): Promise<void> {
  const adminUrl = await ensurePostgres();
  const name = uniqueDatabaseName('bench');
  const url = await createDatabase(adminUrl, name);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-bench-reads-'));
  const apiKey = generateApiKey();
  const server = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ') ?? []), path.join(projectRoot, 'dist', 'server.js')], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, TASKWRIGHT_DEV_API_KEY: apiKey, TEMPORAL_ADDRESS: '127.0.0.1:1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const db = openDatabase(url, 2);
  try {
    await waitForHealth();
    const { tenantId } = await db.apiKey.findUniqueOrThrow({ where: { hash: hashApiKey(apiKey) } });
    const taskId = await seedTask(db, tenantId);
    const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
    const get = () =>
      new Promise<number>((resolve) => {
        http
          .get({ host: '127.0.0.1', port: PORT, path: `/v1/tasks/${taskId}`, agent, headers: { authorization: `Bearer ${apiKey}` } }, (response) => {
            response.resume().on('end', () => resolve(response.statusCode ?? 0));
          })
          .on('error', () => resolve(0));
      });
    for (let i = 0; i < 200; i++) await get(); // warm-up: JIT, pool, caches
    process.stdout.write(`GET /v1/tasks/:id, open loop, ${SECONDS} s per rate\n`);
    for (const rate of RATES) {
      const latencies: number[] = [];
      const failures = new Map<number, number>();
      const total = rate * SECONDS;
      const cpuBefore = processCpuMs(server.pid!);
      const databaseCpuBefore = backendsCpuMs(name);
      const started = performance.now();
      const pending: Promise<void>[] = [];
      for (let sent = 0; sent < total; ) {
        const now = performance.now();
        for (; sent < total && started + (sent * 1000) / rate <= now; sent++) {
          const scheduled = started + (sent * 1000) / rate;
          pending.push(
            get().then((status) => {
              if (status !== 200) failures.set(status, (failures.get(status) ?? 0) + 1);
              latencies.push(performance.now() - scheduled);
            }),
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await Promise.all(pending);
      const cpuPerRequest = (processCpuMs(server.pid!) - cpuBefore) / total;
      const databaseCpuPerRequest = (backendsCpuMs(name) - databaseCpuBefore) / total;
      latencies.sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
      process.stdout.write(
        `  ${String(rate).padStart(4)} rps: p50 ${at(0.5)} ms   p99 ${at(0.99)} ms   max ${at(1)} ms   non-200 ${[...failures].map(([status, count]) => `${count}×${status || 'no answer'}`).join(', ') || 'none'}   CPU per request: API ${cpuPerRequest.toFixed(2)} ms, PostgreSQL ${databaseCpuPerRequest.toFixed(2)} ms\n`,
      );
    }
    agent.destroy();
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await db.$disconnect();
    await dropDatabase(adminUrl, name);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** User and system CPU time the process has used so far (Linux). */
function processCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** CPU time used so far by the PostgreSQL backends connected to `database` (the pool keeps them). */
function backendsCpuMs(database: string): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) total += processCpuMs(Number(pid));
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

async function waitForHealth(): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/healthz`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the API did not come up');
}

/** A finished echo task as the workflow leaves it: its event trail and one artifact. */
async function seedTask(db: ReturnType<typeof openDatabase>, tenantId: string): Promise<string> {
  const task = await db.task.create({
    data: { id: newId('task'), tenantId, agent: 'echo', taskType: 'echo', input: { message: 'bench' }, status: 'complete', output: { message: 'bench' }, progress: 1 },
  });
  const owner = { taskId: task.id, tenantId, agent: 'echo' };
  const events = [
    { type: 'task.created', data: { task_id: task.id } },
    { type: 'task.status_changed', data: { from: 'queued', to: 'running' } },
    { type: 'task.progress', data: { fraction: 0.5, message: 'halfway' } },
    { type: 'artifact.emitted', data: { artifact_id: 'art_bench' } },
    { type: 'task.complete', data: { from: 'running', to: 'complete' } },
  ] as const;
  await db.$transaction((tx) => appendTaskEvents(tx, owner, events.map((event) => ({ id: newId('evt'), ...event })), new Date()));
  await db.artifact.create({
    data: { id: newId('art'), tenantId, taskId: task.id, workflowId: task.id, runId: 'run', type: 'echo.result', displayName: 'result', mimeType: 'application/json', data: { message: 'bench' } },
  });
  return task.id;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
