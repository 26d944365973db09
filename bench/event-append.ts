/**
 * How fast the event log takes appends: every writer (workflow transitions, agent progress, the
 * API) goes through appendTaskEvents, which serializes all appends behind one advisory lock so
 * that global seq order is commit order. This measures what that costs.
 *
 *   npm run bench            (or: npm run build && node dist/bench/event-append.js)
 *
 * BENCH_EVENTS (default 2000) events per scenario; TEST_DATABASE_ADMIN_URL
 * to use a server other than the local cluster. Prints one line per scenario.
 */
import { performance } from 'node:perf_hooks';
import { createDatabase as openDatabase } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { appendTaskEvents } from '../lib/db/task-events';
import { newId } from '../lib/ids';
import { createDatabase, dropDatabase, ensurePostgres, uniqueDatabaseName } from '../scripts/local-postgres';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const WRITER_COUNTS = [1, 4, 16];

async function main(): Promise<void> {
  const adminUrl = await ensurePostgres();
  const name = uniqueDatabaseName('bench');
  const url = await createDatabase(adminUrl, name);
  try {
    await migrate(url);
    const db = openDatabase(url, Math.max(...WRITER_COUNTS) + 2);
    const tenant = await db.tenant.create({ data: { id: newId('ten'), name: 'bench' } });
    const newTask = () =>
      db.task.create({ data: { id: newId('task'), tenantId: tenant.id, agent: 'echo', taskType: 'echo', input: {}, status: 'running' } });

    process.stdout.write(`event appends, ${EVENTS} per scenario, one event per transaction (PostgreSQL ${await serverVersion(db)})\n`);
    for (const writers of WRITER_COUNTS) {
      const tasks = await Promise.all(Array.from({ length: writers }, newTask));
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(
        tasks.map(async (task) => {
          for (let i = 0; i < EVENTS / writers; i++) {
            const begun = performance.now();
            await db.$transaction((tx) =>
              appendTaskEvents(tx, { taskId: task.id, tenantId: tenant.id, agent: 'echo' }, [{ id: newId('evt'), type: 'task.progress', data: { i } }], new Date()),
            );
            latencies.push(performance.now() - begun);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(2);
      process.stdout.write(
        `  ${String(writers).padStart(2)} concurrent writers: ${(latencies.length / seconds).toFixed(0).padStart(6)} events/s   p50 ${at(0.5)} ms   p99 ${at(0.99)} ms\n`,
      );
    }
    await db.$disconnect();
  } finally {
    await dropDatabase(adminUrl, name);
  }
}

async function serverVersion(db: ReturnType<typeof openDatabase>): Promise<string> {
  const [row] = await db.$queryRaw<{ server_version: string }[]>`SHOW server_version`;
  return row?.server_version ?? 'unknown';
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
