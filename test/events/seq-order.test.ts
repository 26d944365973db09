import pino from 'pino';
import { type Database, createDatabase } from '../../lib/db/client';
import { type TaskEventOwner, appendTaskEvents, sequenceEvents } from '../../lib/db/task-events';
import { EventFeed } from '../../lib/events/feed';
import type { EventRow, PresentedEvent } from '../../lib/events/present';
import { readEvents } from '../../lib/events/read';
import { newId } from '../../lib/ids';
import { appendEvents, seedTask } from '../support/events';
import { eventually } from '../support/eventually';
import { SseClient } from '../support/sse';
import { type TestStack, type TestTenant, startStack } from '../support/stack';

// Polls every ten minutes: every event below arrives through a commit's in-process wake-up or a
// sequencer's NOTIFY, or not within the test's time at all.
const NO_POLL = '600000';

let stack: TestStack;
let tenant: TestTenant;
beforeAll(async () => {
  stack = await startStack({ worker: false, env: { EVENTS_POLL_INTERVAL_MS: NO_POLL } });
});
beforeEach(async () => {
  tenant = await stack.newTenant();
});
afterAll(async () => {
  await stack?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function openStream(baseUrl: string, query: string, headers: Record<string, string> = {}) {
  return SseClient.open(`${baseUrl}/v1/events/stream${query}`, { headers: { authorization: `Bearer ${tenant.apiKey}`, ...headers } });
}

/** Another process on the same database: its own pool and its own feed (which sequences too). */
async function startProcess(): Promise<{ db: Database; feed: EventFeed; stop(): Promise<void> }> {
  const db = createDatabase(stack.databaseUrl, 5);
  const feed = new EventFeed({ db, listenUrl: stack.databaseUrl, pollIntervalMs: Number(NO_POLL), logger: pino({ level: 'silent' }) });
  await feed.start();
  return {
    db,
    feed,
    async stop() {
      await feed.stop();
      await db.$disconnect();
    },
  };
}

describe('the event log', () => {
  it('commits appends in parallel and numbers a late commit after the earlier ones: resuming after them receives it', async () => {
    const held = await seedTask(stack.db, tenant.tenantId);
    const early = await seedTask(stack.db, tenant.tenantId);
    const late = await seedTask(stack.db, tenant.tenantId);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let appended!: () => void;
    const heldAppended = new Promise<void>((resolve) => (appended = resolve));
    const heldEventId = newId('evt');

    // One writer appends and keeps its transaction open...
    const heldWriter = stack.db.$transaction(
      async (tx) => {
        await appendTaskEvents(tx, held, [{ id: heldEventId, type: 'task.created', data: {} }], new Date());
        appended();
        await released;
      },
      { timeout: 30_000 },
    );
    await heldAppended;
    // ...while two others append and commit: nothing makes them wait for it.
    await appendEvents(stack.db, early, ['task.created']);
    await appendEvents(stack.db, late, ['task.created']);
    await sequenceEvents(stack.db);
    const visible = await readEvents(stack.db, { where: { tenantId: tenant.tenantId }, take: 10 });
    expect(visible.map((event) => event.taskId)).toEqual([early.taskId, late.taskId]);
    const lastSeen = visible[1]!.seq;

    // A client that has seen both resumes after the later one's seq, then the held one commits.
    const resumed = await openStream(stack.baseUrl, '', { 'last-event-id': String(lastSeen) });
    release();
    await heldWriter;
    const [message] = await resumed.eventsUntil(() => true);
    resumed.close();
    const event = JSON.parse(message!.data!) as PresentedEvent;
    expect(event.event_id).toBe(heldEventId);
    expect(BigInt(event.seq)).toBeGreaterThan(lastSeen);
    expect((await readEvents(stack.db, { after: lastSeen, where: { tenantId: tenant.tenantId }, take: 10 })).map((row) => row.id)).toEqual([heldEventId]);
  });

  it('never lets a reader skip an event while appends from two processes commit out of order', async () => {
    const other = await startProcess();
    try {
      const tasks = await Promise.all(Array.from({ length: 6 }, () => seedTask(stack.db, tenant.tenantId)));
      const ofTenant = { tenantId: tenant.tenantId };

      // Reader 1: a feed subscriber in the other process.
      const live: EventRow[] = [];
      other.feed.subscribe({ event: (event) => event.tenantId === tenant.tenantId && live.push(event), end: () => undefined });
      // Reader 2: resumes "after the last seq it saw" over and over, as reconnecting clients do.
      const resumed: EventRow[] = [];
      let reading = true;
      const resumer = (async () => {
        while (reading) {
          resumed.push(...(await readEvents(stack.db, { after: resumed.at(-1)?.seq, where: ofTenant, take: 50 })));
          await sleep(1);
        }
      })();

      // Writers in both processes; each holds its transaction open a random while after
      // appending, so commits land in a different order than the inserts.
      const committed: string[] = [];
      try {
        await Promise.all(
          Array.from({ length: 12 }, async (_, writer) => {
            const db = writer % 2 === 0 ? stack.db : other.db;
            for (let round = 0; round < 10; round++) {
              const owner: TaskEventOwner = tasks[(writer + round) % tasks.length]!;
              const id = newId('evt');
              await db.$transaction(async (tx) => {
                await appendTaskEvents(tx, owner, [{ id, type: 'task.progress', data: { writer, round } }], new Date());
                await sleep(Math.random() * 15);
              });
              committed.push(id);
            }
          }),
        );
        await sequenceEvents(stack.db);
        const { _max } = await stack.db.event.aggregate({ where: ofTenant, _max: { seq: true } });
        await eventually(() => (live.at(-1)?.seq === _max.seq && resumed.at(-1)?.seq === _max.seq ? true : undefined), 'both readers to reach the last seq');
      } finally {
        reading = false;
        await resumer;
      }

      for (const seen of [live, resumed]) {
        const ids = seen.map((event) => event.id);
        expect(committed.filter((id) => !ids.includes(id))).toEqual([]);
        expect(ids).toHaveLength(committed.length);
        const seqs = seen.map((event) => event.seq);
        expect(seqs.every((seq, index) => index === 0 || seq > seqs[index - 1]!)).toBe(true);
        for (const task of tasks) {
          const taskSeqs = seen.filter((event) => event.taskId === task.taskId).map((event) => event.taskSeq!);
          expect(taskSeqs).toEqual([...taskSeqs].sort((a, b) => a - b));
        }
      }
    } finally {
      await other.stop();
    }
  });

  it("brings an append to another process's stream clients at once: the sequencer NOTIFYs", async () => {
    const otherApi = await stack.startApi();
    const owner = await seedTask(stack.db, tenant.tenantId);
    const stream = await openStream(otherApi.baseUrl, `?task_id=${owner.taskId}`);
    await appendEvents(stack.db, owner, ['task.created']);
    const [message] = await stream.eventsUntil(() => true);
    stream.close();
    expect(message!.event).toBe('task.created');
  });
});
