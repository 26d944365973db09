/**
 * How fast the event log takes appends: every writer (workflow transitions, agent progress, the
 * API) goes through appendTaskEvents, and an event counts once readers can see it, i.e. once an
 * event feed (as every process runs) has sequenced and read it. Latency is from the start of the
 * appending transaction to that moment; the rate is events over the time until the last one.
 *
 *   npm run bench            (or: npm run build && node dist/bench/event-append.js)
 *
 * BENCH_EVENTS (default 2000) events per scenario; TEST_DATABASE_ADMIN_URL
 * to use a server other than the local cluster. Prints one line per scenario.
 */
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { createDatabase as openDatabase } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { appendTaskEvents } from '../lib/db/task-events';
import { EventFeed } from '../lib/events/feed';
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
    const feed = new EventFeed({ db, listenUrl: url, pollIntervalMs: 1000, logger: pino({ level: 'silent' }) });
    await feed.start();
    const visibleAt = new Map<string, number>();
    let lastVisible = () => {};
    feed.subscribe({
      event(event) {
        visibleAt.set(event.id, performance.now());
        if (visibleAt.size === EVENTS) lastVisible();
      },
      end: () => undefined,
    });

    process.stdout.write(`event appends until visible, ${EVENTS} per scenario, one event per transaction (PostgreSQL ${await serverVersion(db)})\n`);
    for (const writers of WRITER_COUNTS) {
      const tasks = await Promise.all(Array.from({ length: writers }, newTask));
      const begunAt = new Map<string, number>();
      visibleAt.clear();
      const allVisible = new Promise<void>((resolve) => (lastVisible = resolve));
      const started = performance.now();
      await Promise.all(
        tasks.map(async (task) => {
          for (let i = 0; i < EVENTS / writers; i++) {
            const id = newId('evt');
            begunAt.set(id, performance.now());
            await db.$transaction((tx) =>
              appendTaskEvents(tx, { taskId: task.id, tenantId: tenant.id, agent: 'echo' }, [{ id, type: 'task.progress', data: { i } }], new Date()),
            );
          }
        }),
      );
      await allVisible;
      const seconds = (performance.now() - started) / 1000;
      const latencies = [...begunAt].map(([id, begun]) => visibleAt.get(id)! - begun).sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(2);
      process.stdout.write(
        `  ${String(writers).padStart(2)} concurrent writers: ${(latencies.length / seconds).toFixed(0).padStart(6)} events/s   p50 ${at(0.5)} ms   p99 ${at(0.99)} ms\n`,
      );
    }
    await feed.stop();
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
