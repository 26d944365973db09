/**
 * How fast the event log takes appends: every writer (workflow transitions, agent progress, the
 * API) goes through appendTaskEvents, which serializes all appends behind one advisory lock so
 * that global seq order is commit order. This measures what that costs.
 *
 *   npm run bench:events     (or: npm run build && node dist/bench/event-append.js)
 *
 * BENCH_EVENTS (default 2000) events per scenario; TEST_DATABASE_ADMIN_URL
 * to use a server other than the local cluster. Prints one line per scenario.
 * `npm run bench` runs the same measurement (measureEventAppends) on both database modes.
 */
import { performance } from 'node:perf_hooks';
import { type Database, createDatabase as openDatabase } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { appendTaskEvents } from '../lib/db/task-events';
import { newId } from '../lib/ids';
import { createDatabase, dropDatabase, ensurePostgres, uniqueDatabaseName } from '../scripts/local-postgres';
import { percentile } from './lib/stats';

export const WRITER_COUNTS = [1, 4, 16];

export interface AppendResult {
  writers: number;
  events: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Appends `events` events per writer count, one event per transaction through appendTaskEvents,
 * each writer on a task of its own, into a migrated database. `db` needs a pool of at least the
 * largest writer count to measure the lock rather than the pool (the embedded database has one
 * connection on purpose: pass that as it is).
 */
export async function measureEventAppends(
  db: Database,
  options: { events: number; writerCounts?: number[]; onResult?: (result: AppendResult) => void },
): Promise<AppendResult[]> {
  const tenant = await db.tenant.create({ data: { id: newId('ten'), name: 'bench' } });
  const newTask = () =>
    db.task.create({ data: { id: newId('task'), tenantId: tenant.id, agent: 'echo', taskType: 'echo', input: {}, status: 'running' } });
  const results: AppendResult[] = [];
  for (const writers of options.writerCounts ?? WRITER_COUNTS) {
    const tasks = await Promise.all(Array.from({ length: writers }, newTask));
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      tasks.map(async (task) => {
        for (let i = 0; i < options.events / writers; i++) {
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
    const result = { writers, events: latencies.length, perSecond: latencies.length / seconds, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) };
    options.onResult?.(result);
    results.push(result);
  }
  return results;
}

export async function serverVersion(db: Database): Promise<string> {
  const [row] = await db.$queryRaw<{ server_version: string }[]>`SHOW server_version`;
  return row?.server_version ?? 'unknown';
}

async function main(): Promise<void> {
  const events = Number(process.env.BENCH_EVENTS ?? 2000);
  const adminUrl = await ensurePostgres();
  const name = uniqueDatabaseName('bench');
  const url = await createDatabase(adminUrl, name);
  try {
    await migrate(url);
    const db = openDatabase(url, Math.max(...WRITER_COUNTS) + 2);
    process.stdout.write(`event appends, ${events} per scenario, one event per transaction (PostgreSQL ${await serverVersion(db)})\n`);
    await measureEventAppends(db, {
      events,
      onResult: (result) =>
        process.stdout.write(
          `  ${String(result.writers).padStart(2)} concurrent writers: ${result.perSecond.toFixed(0).padStart(6)} events/s   p50 ${result.p50Ms.toFixed(2)} ms   p99 ${result.p99Ms.toFixed(2)} ms\n`,
        ),
    });
    await db.$disconnect();
  } finally {
    await dropDatabase(adminUrl, name);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
