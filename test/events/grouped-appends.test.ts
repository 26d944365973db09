import { type TaskEventOwner, appendTaskEventsAlone, sequenceEvents } from '../../lib/db/task-events';
import { newId } from '../../lib/ids';
import type { EventType } from '../../workflows/model';
import { seedTask } from '../support/events';
import { type TestStack, type TestTenant, startStack } from '../support/stack';

let stack: TestStack;
let tenant: TestTenant;
beforeAll(async () => {
  stack = await startStack({ worker: false });
});
beforeEach(async () => {
  tenant = await stack.newTenant();
});
afterAll(async () => {
  await stack?.stop();
});

const progressEvent = (id = newId('evt')) => ({ id, type: 'task.progress' as EventType, data: { fraction: 0.5 } });

async function storedEvents(taskId: string) {
  return stack.db.event.findMany({ where: { taskId }, orderBy: { taskSeq: 'asc' }, select: { id: true, taskSeq: true, type: true } });
}

async function markRunning(owner: TaskEventOwner) {
  await stack.db.task.update({ where: { id: owner.taskId }, data: { status: 'running' } });
}

describe('appends made together (appendTaskEventsAlone)', () => {
  it('writes appends from many writers at once with each task numbered in call order, its progress set, and every event readable', async () => {
    const owners = await Promise.all(Array.from({ length: 6 }, () => seedTask(stack.db, tenant.tenantId)));
    const ids = owners.map(() => [newId('evt'), newId('evt'), newId('evt')]);
    // Three rounds; in each, every task gets one append in the same event-loop turn.
    for (let round = 0; round < 3; round++) {
      const outcomes = await Promise.all(
        owners.map((owner, index) =>
          appendTaskEventsAlone(stack.db, owner, [progressEvent(ids[index]![round])], new Date(), { patch: { progress: (round + 1) / 4, progress_message: `round ${round}` } }),
        ),
      );
      expect(outcomes.map((result) => result.outcome)).toEqual(owners.map(() => 'appended'));
    }
    for (const [index, owner] of owners.entries()) {
      expect(await storedEvents(owner.taskId)).toEqual(ids[index]!.map((id, seq) => ({ id, taskSeq: seq + 1, type: 'task.progress' })));
      const task = await stack.db.task.findUniqueOrThrow({ where: { id: owner.taskId } });
      expect(task).toMatchObject({ lastSeq: 3, progress: 0.75, progressMessage: 'round 2' });
    }
    await sequenceEvents(stack.db);
    const sequenced = await stack.db.event.count({ where: { taskId: { in: owners.map((owner) => owner.taskId) }, seq: { not: null } } });
    expect(sequenced).toBe(18);
  });

  it('gives each append of one batch its own outcome: appended, duplicate, skipped while not in the status, missing task', async () => {
    const running = await seedTask(stack.db, tenant.tenantId);
    await markRunning(running);
    const queued = await seedTask(stack.db, tenant.tenantId);
    const earlier = progressEvent();
    expect((await appendTaskEventsAlone(stack.db, running, [earlier], new Date())).outcome).toBe('appended');

    const fresh = progressEvent();
    const outcomes = await Promise.all([
      appendTaskEventsAlone(stack.db, running, [fresh], new Date(), { onlyWhileStatus: 'running' }),
      appendTaskEventsAlone(stack.db, running, [earlier], new Date(), { onlyWhileStatus: 'running' }),
      appendTaskEventsAlone(stack.db, queued, [progressEvent()], new Date(), { onlyWhileStatus: 'running', patch: { progress: 0.9, progress_message: 'late' } }),
      appendTaskEventsAlone(stack.db, { ...running, taskId: 'task_missing' }, [progressEvent()], new Date()),
      appendTaskEventsAlone(stack.db, { ...running, tenantId: 'ten_someone_else' }, [progressEvent()], new Date()),
    ]);
    expect(outcomes.map((result) => result.outcome)).toEqual(['appended', 'duplicate', 'skipped', 'missing', 'missing']);
    expect((await storedEvents(running.taskId)).map((event) => event.id)).toEqual([earlier.id, fresh.id]);
    expect(await storedEvents(queued.taskId)).toEqual([]);
    expect(await stack.db.task.findUniqueOrThrow({ where: { id: queued.taskId } })).toMatchObject({ lastSeq: 0, progress: 0, progressMessage: null });
  });

  it('fails only the append that cannot be written: the others of its batch are written', async () => {
    const owners = await Promise.all(Array.from({ length: 3 }, () => seedTask(stack.db, tenant.tenantId)));
    const unwritable = { id: newId('evt'), type: null as unknown as EventType, data: {} };
    const results = await Promise.allSettled([
      appendTaskEventsAlone(stack.db, owners[0]!, [progressEvent()], new Date()),
      appendTaskEventsAlone(stack.db, owners[1]!, [unwritable], new Date()),
      appendTaskEventsAlone(stack.db, owners[2]!, [progressEvent()], new Date()),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await storedEvents(owners[0]!.taskId)).toHaveLength(1);
    expect(await storedEvents(owners[1]!.taskId)).toEqual([]);
    expect(await storedEvents(owners[2]!.taskId)).toHaveLength(1);
  });
});
