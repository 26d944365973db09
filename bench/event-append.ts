/**
 * How fast the event log takes appends: every writer (workflow transitions, agent progress, the
 * API) goes through appendTaskEvents (appendTaskEventsAlone: one statement, its own transaction,
 * as a running agent reports progress), and an event counts once readers can see it, i.e. once an
 * event feed (as every process runs) has sequenced and read it. Latency is from the start of the
 * appending transaction to that moment; the rate is events over the time until the last one.
 *
 *   npm run bench:events     (or: npm run build && node dist/bench/event-append.js)
 *
 * BENCH_EVENTS (default 2000) events per scenario; TEST_DATABASE_ADMIN_URL
 * to use a server other than the local cluster. Prints one line per scenario.
 * `npm run bench` runs the same measurement (measureEventAppends) on both database modes.
 */
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { type Database, createDatabase as openDatabase } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { appendTaskEventsAlone } from '../lib/db/task-events';
import { EventFeed } from '../lib/events/feed';
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
 * Appends `events` events per writer count, one event per transaction through appendTaskEventsAlone,
 * each writer on a task of its own, into a migrated database, and counts each once an event feed
 * (as every process runs one) has seen it. `db` needs a pool of at least the largest writer count
 * to measure the log rather than the pool (the embedded database has one connection on purpose:
 * pass that as it is); `listenUrl` is the database to LISTEN on (unset: the embedded database,
 * whose feed is woken in-process by the commits).
 */
export async function measureEventAppends(
  db: Database,
  options: { events: number; listenUrl?: string; writerCounts?: number[]; onResult?: (result: AppendResult) => void },
): Promise<AppendResult[]> {
  const tenant = await db.tenant.create({ data: { id: newId('ten'), name: 'bench' } });
  const newTask = () =>
    db.task.create({ data: { id: newId('task'), tenantId: tenant.id, agent: 'echo', taskType: 'echo', input: {}, status: 'running' } });
  const feed = new EventFeed({ db, listenUrl: options.listenUrl, pollIntervalMs: 1000, logger: pino({ level: 'silent' }) });
  await feed.start();
  const visibleAt = new Map<string, number>();
  let expected = 0;
  let lastVisible = () => {};
  feed.subscribe({
    event(event) {
      visibleAt.set(event.id, performance.now());
      if (visibleAt.size === expected) lastVisible();
    },
    end: () => undefined,
  });
  const results: AppendResult[] = [];
  try {
    for (const writers of options.writerCounts ?? WRITER_COUNTS) {
      const tasks = await Promise.all(Array.from({ length: writers }, newTask));
      const perWriter = Math.ceil(options.events / writers);
      const begunAt = new Map<string, number>();
      visibleAt.clear();
      expected = perWriter * writers;
      const allVisible = new Promise<void>((resolve) => (lastVisible = resolve));
      const started = performance.now();
      await Promise.all(
        tasks.map(async (task) => {
          for (let i = 0; i < perWriter; i++) {
            const id = newId('evt');
            begunAt.set(id, performance.now());
            await appendTaskEventsAlone(db, { taskId: task.id, tenantId: tenant.id, agent: 'echo' }, [{ id, type: 'task.progress', data: { i } }], new Date());
          }
        }),
      );
      await allVisible;
      const seconds = (performance.now() - started) / 1000;
      const latencies = [...begunAt].map(([id, begun]) => visibleAt.get(id)! - begun).sort((a, b) => a - b);
      const result = { writers, events: latencies.length, perSecond: latencies.length / seconds, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) };
      options.onResult?.(result);
      results.push(result);
    }
  } finally {
    await feed.stop();
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
    process.stdout.write(`event appends until visible, ${events} per scenario, one event per append, concurrent appends grouped (PostgreSQL ${await serverVersion(db)})\n`);
    await measureEventAppends(db, {
      events,
      listenUrl: url,
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
