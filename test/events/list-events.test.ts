import type { PresentedEvent } from '../../lib/events/present';
import type { Problem } from '../support/problem';
import { appendEvents, seedTask } from '../support/events';
import { type TestStack, type TestTenant, startStack } from '../support/stack';

interface EventPage {
  events: PresentedEvent[];
  next_cursor: string | null;
}

let stack: TestStack;
let tenant: TestTenant;
let other: TestTenant;
let echoTask: string;
let salesTask: string;
const ids: string[] = [];

const at = (minute: number) => new Date(Date.UTC(2026, 3, 23, 10, minute));

async function list(query: string, apiKey = tenant.apiKey): Promise<EventPage> {
  const response = await stack.request(`/v1/events${query}`, { apiKey });
  expect(response.status).toBe(200);
  return (await response.json()) as EventPage;
}

async function problem(query: string): Promise<Problem> {
  const response = await stack.request(`/v1/events${query}`, { apiKey: tenant.apiKey });
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return (await response.json()) as Problem;
}

beforeAll(async () => {
  stack = await startStack({ worker: false });
  tenant = await stack.newTenant();
  other = await stack.newTenant();
  const echo = await seedTask(stack.db, tenant.tenantId, 'echo');
  const sales = await seedTask(stack.db, tenant.tenantId, 'sales');
  echoTask = echo.taskId;
  salesTask = sales.taskId;
  ids.push(...(await appendEvents(stack.db, echo, ['task.created'], { at: at(0) })));
  ids.push(...(await appendEvents(stack.db, sales, ['task.created'], { at: at(1) })));
  ids.push(...(await appendEvents(stack.db, echo, ['task.status_changed', 'task.progress'], { at: at(2) })));
  ids.push(...(await appendEvents(stack.db, sales, ['artifact.emitted'], { at: at(3) })));
  ids.push(...(await appendEvents(stack.db, echo, ['task.complete'], { at: at(4) })));
  await appendEvents(stack.db, await seedTask(stack.db, other.tenantId), ['task.created'], { at: at(2) });
});
afterAll(async () => {
  await stack?.stop();
});

describe('GET /v1/events', () => {
  it("lists the tenant's events in seq order with every field of the record", async () => {
    const { events, next_cursor } = await list('');
    expect(events.map((event) => event.event_id)).toEqual(ids);
    expect(next_cursor).toBeNull();
    const seqs = events.map((event) => event.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(events[0]).toEqual({
      event_id: ids[0],
      seq: expect.any(Number),
      type: 'task.created',
      tenant_id: tenant.tenantId,
      task_id: echoTask,
      agent: 'echo',
      data: { task_id: echoTask },
      created_at: at(0).toISOString(),
    });
  });

  it('filters by task_id, agent and type', async () => {
    expect((await list(`?task_id=${salesTask}`)).events.map((event) => event.type)).toEqual(['task.created', 'artifact.emitted']);
    expect((await list('?agent=echo')).events.map((event) => event.type)).toEqual(['task.created', 'task.status_changed', 'task.progress', 'task.complete']);
    expect((await list('?type=task.created')).events.map((event) => event.task_id)).toEqual([echoTask, salesTask]);
    expect((await list(`?type=task.progress&task_id=${salesTask}`)).events).toEqual([]);
  });

  it('filters by after and before (exclusive ISO 8601 timestamps, any offset)', async () => {
    const between = await list(`?after=${at(1).toISOString()}&before=${at(4).toISOString()}`);
    expect(between.events.map((event) => event.type)).toEqual(['task.status_changed', 'task.progress', 'artifact.emitted']);
    const offset = await list(`?after=${encodeURIComponent('2026-04-23T12:02:30+02:00')}`);
    expect(offset.events.map((event) => event.type)).toEqual(['artifact.emitted', 'task.complete']);
  });

  it('pages with limit and cursor without repeats or gaps', async () => {
    const seen: string[] = [];
    let query = '?limit=2';
    for (;;) {
      const page = await list(query);
      expect(page.events.length).toBeLessThanOrEqual(2);
      seen.push(...page.events.map((event) => event.event_id));
      if (!page.next_cursor) break;
      query = `?limit=2&cursor=${page.next_cursor}`;
    }
    expect(seen).toEqual(ids);
  });

  it("never shows another tenant's events", async () => {
    const theirs = await list('', other.apiKey);
    expect(theirs.events).toHaveLength(1);
    expect(theirs.events[0]!.tenant_id).toBe(other.tenantId);
    expect((await list(`?task_id=${echoTask}`, other.apiKey)).events).toEqual([]);
  });

  it.each([
    ['after', '?after=yesterday'],
    ['before', '?before=2026-13-01T00:00:00Z'],
    ['limit', '?limit=0'],
    ['limit', '?limit=501'],
    ['limit', '?limit=ten'],
    ['type', '?type=task.exploded'],
    ['cursor', '?cursor=bm90LWEtY3Vyc29y'],
  ])('answers 400 problem+json naming %s for %s', async (field, query) => {
    const body = await problem(query);
    expect(body.code).toBe('validation_failed');
    expect(body.errors?.map((error) => error.field)).toEqual([field]);
  });

  it('defaults to 50 events and allows up to 500', async () => {
    // A tenant of its own: the other tests' tenants keep exactly the events beforeAll gave them.
    const busy = await stack.newTenant();
    await appendEvents(stack.db, await seedTask(stack.db, busy.tenantId), Array.from({ length: 60 }, () => 'task.progress' as const));
    expect((await list('', busy.apiKey)).events).toHaveLength(50);
    expect((await list('?limit=500', busy.apiKey)).events).toHaveLength(60);
  });
});
