import { appendTaskEvents } from '../../lib/db/task-events';
import { appendEvents, seedTask } from '../support/events';
import { eventually } from '../support/eventually';
import { type TestStack, startStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ worker: false });
});
afterAll(async () => {
  await stack?.stop();
});

describe('appendTaskEvents', () => {
  it('commits appends in seq order: a second writer cannot take a seq until the first commits', async () => {
    const tenant = await stack.newTenant();
    const first = await seedTask(stack.db, tenant.tenantId);
    const second = await seedTask(stack.db, tenant.tenantId);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended!: () => void;
    const firstAppended = new Promise<void>((resolve) => (appended = resolve));

    // The first writer appends and keeps its transaction open.
    const firstWriter = stack.db.$transaction(
      async (tx) => {
        await appendTaskEvents(tx, first, [{ id: `evt_first_${first.taskId}`, type: 'task.created', data: {} }], new Date());
        appended();
        await held;
      },
      { timeout: 30_000 },
    );
    await firstAppended;
    const secondWriter = appendEvents(stack.db, second, ['task.created']);

    // The second writer waits on the event log's advisory lock, with no seq taken yet.
    await eventually(async () => {
      const [waiting] = await stack.db.$queryRaw<{ count: bigint }[]>`
        SELECT count(*) FROM pg_locks
         WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
      return waiting!.count > 0n ? true : undefined;
    }, 'the second writer to wait on the event log lock');
    expect(await stack.db.event.count({ where: { taskId: second.taskId } })).toBe(0);

    release();
    await firstWriter;
    await secondWriter;
    const [firstEvent] = await stack.db.event.findMany({ where: { taskId: first.taskId } });
    const [secondEvent] = await stack.db.event.findMany({ where: { taskId: second.taskId } });
    expect(firstEvent!.seq).toBeLessThan(secondEvent!.seq);
  });
});
