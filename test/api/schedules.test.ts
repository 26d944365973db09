import { createScheduledTaskActivities } from '../../activities/scheduled-task';
import { builtInAgents } from '../../agents/registry';
import { eventually } from '../support/eventually';
import { expectProblem } from '../support/problem';
import { type TestStack, type TestTenant, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
let tenant: TestTenant;
beforeAll(async () => {
  stack = await startStack();
  tenant = await stack.newTenant();
});
afterAll(async () => {
  // Schedules outlive the test's worker on the shared Temporal server: remove them.
  const schedules = await stack.db.schedule.findMany({ where: { taskQueue: stack.taskQueue } });
  await Promise.all(schedules.map((schedule) => stack.temporal.schedule.getHandle(schedule.id).delete().catch(() => undefined)));
  await stack?.stop();
});

type Schedule = {
  schedule_id: string;
  paused: boolean;
  next_runs: string[];
  recent_tasks: { task_id: string; status: string }[];
  interval_seconds: number | null;
  cron: string | null;
  timezone: string;
  links: { temporal_ui: string };
};

const request = (path: string, init: Parameters<TestStack['request']>[1] = {}) => stack.request(path, { apiKey: tenant.apiKey, ...init });

async function createSchedule(json: Record<string, unknown>): Promise<Schedule> {
  const response = await request('/v1/schedules', { method: 'POST', json });
  expect(response.status).toBe(201);
  return (await response.json()) as Schedule;
}

const scheduledTasks = (scheduleId: string) => stack.db.task.count({ where: { triggerType: 'schedule', triggerSource: scheduleId } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('schedules', () => {
  it('starts ordinary tasks on its own every interval, with the schedule as trigger', async () => {
    const schedule = await createSchedule({ agent: 'echo', input: { message: 'tick' }, interval_seconds: 2, title: 'Heartbeat' });
    expect(schedule).toMatchObject({ interval_seconds: 2, cron: null, timezone: 'UTC', paused: false, recent_tasks: [] });
    expect(schedule.next_runs.length).toBeGreaterThan(0);
    expect(schedule.links.temporal_ui).toContain(`/schedules/${schedule.schedule_id}`);

    const first = await eventually(async () => {
      const shown = (await (await request(`/v1/schedules/${schedule.schedule_id}`)).json()) as Schedule;
      return shown.recent_tasks.length >= 2 ? shown.recent_tasks.at(-1) : undefined;
    }, 'two scheduled runs', 20_000);
    const task = await waitForTask(stack, first.task_id, (item) => item.status === 'complete', { apiKey: tenant.apiKey });
    expect(task).toMatchObject({ agent: 'echo', title: 'Heartbeat', input: { message: 'tick' }, trigger: { type: 'schedule', source_id: schedule.schedule_id } });

    await expect(request(`/v1/schedules/${schedule.schedule_id}`, { method: 'DELETE' }).then((response) => response.status)).resolves.toBe(200);
    // Its past tasks stay.
    expect((await request(`/v1/tasks/${first.task_id}`)).status).toBe(200);
    await expectProblem(await request(`/v1/schedules/${schedule.schedule_id}`), 404);
  });

  it('pauses, unpauses and triggers a run now', async () => {
    const schedule = await createSchedule({ agent: 'echo', input: {}, interval_seconds: 2, paused: true });
    expect(schedule.paused).toBe(true);
    await sleep(4_500);
    expect(await scheduledTasks(schedule.schedule_id)).toBe(0);

    const triggered = await request(`/v1/schedules/${schedule.schedule_id}/trigger`, { method: 'POST' });
    expect(triggered.status).toBe(202);
    await eventually(async () => ((await scheduledTasks(schedule.schedule_id)) === 1 ? true : undefined), 'the triggered run', 10_000);

    const unpaused = await request(`/v1/schedules/${schedule.schedule_id}/unpause`, { method: 'POST' });
    expect(((await unpaused.json()) as Schedule).paused).toBe(false);
    await eventually(async () => ((await scheduledTasks(schedule.schedule_id)) >= 3 ? true : undefined), 'runs after unpausing', 20_000);

    const paused = await request(`/v1/schedules/${schedule.schedule_id}/pause`, { method: 'POST' });
    expect(((await paused.json()) as Schedule).paused).toBe(true);
    // A run already under way when the pause landed may still create its task.
    await sleep(1_000);
    const settled = await scheduledTasks(schedule.schedule_id);
    await sleep(4_500);
    expect(await scheduledTasks(schedule.schedule_id)).toBe(settled);
  });

  it('changes a schedule with PATCH: a cron in a time zone replaces the interval', async () => {
    const schedule = await createSchedule({ agent: 'echo', input: {}, interval_seconds: 3600, paused: true });
    const response = await request(`/v1/schedules/${schedule.schedule_id}`, { method: 'PATCH', json: { cron: '0 9 * * MON-FRI', timezone: 'Europe/Berlin', input: { message: 'standup' } } });
    expect(response.status).toBe(200);
    const changed = (await response.json()) as Schedule & { input: Record<string, unknown> };
    expect(changed).toMatchObject({ cron: '0 9 * * MON-FRI', interval_seconds: null, timezone: 'Europe/Berlin', paused: true, input: { message: 'standup' } });
    const next = new Date(changed.next_runs[0]!);
    expect(Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', hour: 'numeric', hourCycle: 'h23' }).format(next))).toBe(9);
  });

  it('refuses a bad cron, a bad time zone and an input the manifest refuses with 400 saying why', async () => {
    const malformed = await expectProblem(await request('/v1/schedules', { method: 'POST', json: { agent: 'echo', cron: 'every day' } }), 400, 'validation_failed');
    expect(malformed.errors).toEqual([expect.objectContaining({ field: 'cron' })]);
    const outOfRange = await expectProblem(await request('/v1/schedules', { method: 'POST', json: { agent: 'echo', cron: '61 * * * *' } }), 400, 'validation_failed');
    expect(outOfRange.errors).toEqual([expect.objectContaining({ field: 'cron', message: expect.stringContaining('Temporal refused') })]);
    const zone = await expectProblem(await request('/v1/schedules', { method: 'POST', json: { agent: 'echo', cron: '0 9 * * *', timezone: 'Mars/Olympus' } }), 400);
    expect(zone.errors).toEqual([expect.objectContaining({ field: 'timezone' })]);
    const input = await expectProblem(await request('/v1/schedules', { method: 'POST', json: { agent: 'echo', interval_seconds: 60, input: { sleep_ms: 'x' } } }), 400);
    expect(input.errors).toEqual([expect.objectContaining({ field: 'input.sleep_ms' })]);
    const both = await expectProblem(await request('/v1/schedules', { method: 'POST', json: { agent: 'echo' } }), 400);
    expect(both.errors).toEqual([expect.objectContaining({ field: 'cron' })]);
    expect(await stack.db.schedule.count({ where: { tenantId: tenant.tenantId, spec: { path: ['cron'], equals: '61 * * * *' } } })).toBe(0);
  });

  it('keeps tenants apart', async () => {
    const schedule = await createSchedule({ agent: 'echo', input: {}, interval_seconds: 3600, paused: true });
    const other = await stack.newTenant();
    await expectProblem(await stack.request(`/v1/schedules/${schedule.schedule_id}`, { apiKey: other.apiKey }), 404);
    await expectProblem(await stack.request(`/v1/schedules/${schedule.schedule_id}/trigger`, { method: 'POST', apiKey: other.apiKey }), 404);
    const listed = (await (await stack.request('/v1/schedules', { apiKey: other.apiKey })).json()) as { schedules: Schedule[] };
    expect(listed.schedules).toEqual([]);
  });

  it('creates one task per scheduled time, however often the run is retried', async () => {
    const schedule = await createSchedule({ agent: 'echo', input: {}, interval_seconds: 3600, paused: true });
    const { createScheduledTask } = createScheduledTaskActivities({ db: stack.db, agents: builtInAgents, limits: { maxQueued: stack.config.TENANT_MAX_QUEUED_TASKS } });
    const run = { scheduleId: schedule.schedule_id, runId: `${schedule.schedule_id}-run-2026-11-26T05:00:00Z` };
    const [first, second] = await Promise.all([createScheduledTask(run), createScheduledTask(run)]);
    expect(second).toEqual(first);
    expect(await createScheduledTask(run)).toEqual(first);
    expect(await scheduledTasks(schedule.schedule_id)).toBe(1);
  });
});
