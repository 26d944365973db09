import { type TestStack, type TestTenant, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
let tenant: TestTenant;
const created: string[] = [];

interface ListedTask {
  task_id: string;
  status: string;
  type: string | null;
  session_id: string | null;
}

async function createTask(body: Record<string, unknown>): Promise<string> {
  const response = await stack.request('/v1/tasks', { method: 'POST', apiKey: tenant.apiKey, json: { agent: 'echo', task_type: 'echo', ...body } });
  expect(response.status).toBe(202);
  const { task_id } = (await response.json()) as { task_id: string };
  created.unshift(task_id); // newest first, as the API lists them
  return task_id;
}

async function list(query: string): Promise<Record<string, unknown>> {
  const response = await stack.request(`/v1/tasks${query}`, { apiKey: tenant.apiKey });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  stack = await startStack();
  tenant = await stack.newTenant();
  for (let index = 0; index < 5; index++) await createTask({ type: index % 2 === 0 ? 'even' : 'odd', session_id: `sess_${index % 2}` });
  await Promise.all(created.map((taskId) => waitForTask(stack, taskId, (task) => task.status === 'complete', { apiKey: tenant.apiKey })));
});
afterAll(async () => {
  await stack?.stop();
});

describe('GET /v1/tasks', () => {
  it('pages with cursor and limit, newest first, without repeats or gaps while tasks are created', async () => {
    const first = (await list('?limit=2')) as { tasks: ListedTask[]; next_cursor: string };
    expect(first.tasks.map((task) => task.task_id)).toEqual(created.slice(0, 2));
    expect(first.tasks[0]).not.toHaveProperty('activities');

    const newer = await createTask({ type: 'late' });
    const seen = [...first.tasks.map((task) => task.task_id)];
    let cursor: string | null = first.next_cursor;
    while (cursor) {
      const page = (await list(`?limit=2&cursor=${cursor}`)) as { tasks: ListedTask[]; next_cursor: string | null };
      seen.push(...page.tasks.map((task) => task.task_id));
      cursor = page.next_cursor;
    }
    expect(seen).toEqual(created.filter((taskId) => taskId !== newer));
    expect(((await list('?limit=1')) as { tasks: ListedTask[] }).tasks[0]!.task_id).toBe(newer);
  });

  it('pages with page and per_page (or perPage), reporting the total', async () => {
    const page = (await list('?page=2&per_page=2')) as { data: ListedTask[]; pagination: object };
    expect(page.pagination).toEqual({ page: 2, per_page: 2, total: created.length });
    expect(page.data.map((task) => task.task_id)).toEqual(created.slice(2, 4));
    const camel = (await list('?page=1&perPage=3')) as { data: ListedTask[]; pagination: object };
    expect(camel.pagination).toEqual({ page: 1, per_page: 3, total: created.length });
  });

  it('defaults to 20 a page and refuses more than 100', async () => {
    const all = (await list('')) as { tasks: ListedTask[]; next_cursor: string | null };
    expect(all.tasks).toHaveLength(created.length);
    expect(all.next_cursor).toBeNull();
    const tooMany = await stack.request('/v1/tasks?limit=101', { apiKey: tenant.apiKey });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ errors: [{ field: 'limit', in: 'query' }] });
  });

  it('filters by status (seed aliases too), type, session and agent', async () => {
    const complete = (await list('?status=completed')) as { tasks: ListedTask[] };
    expect(complete.tasks.every((task) => task.status === 'complete')).toBe(true);
    expect(complete.tasks.length).toBeGreaterThanOrEqual(5);
    expect(((await list('?status=in_progress')) as { tasks: ListedTask[] }).tasks.every((task) => task.status === 'running')).toBe(true);
    expect(((await list('?type=odd')) as { tasks: ListedTask[] }).tasks.map((task) => task.task_id)).toEqual(
      created.filter((_, index, all) => all.length - 1 - index === 1 || all.length - 1 - index === 3),
    );
    expect(((await list('?session_id=sess_0')) as { tasks: ListedTask[] }).tasks).toHaveLength(3);
    expect(((await list('?agent=echo-agent')) as { tasks: ListedTask[] }).tasks.length).toBe(created.length);
    expect(((await list('?agent=sales')) as { tasks: ListedTask[] }).tasks).toEqual([]);
  });

  it('answers 400 for an unknown status, a forged cursor, or mixed paging styles', async () => {
    const badStatus = await stack.request('/v1/tasks?status=done', { apiKey: tenant.apiKey });
    expect(badStatus.status).toBe(400);
    expect(await badStatus.json()).toMatchObject({ errors: [{ field: 'status', message: expect.stringContaining('in_progress') }] });
    expect((await stack.request('/v1/tasks?cursor=not-a-cursor', { apiKey: tenant.apiKey })).status).toBe(400);
    expect((await stack.request('/v1/tasks?cursor=MTIz', { apiKey: tenant.apiKey })).status).toBe(400);
    expect((await stack.request('/v1/tasks?page=1&limit=5', { apiKey: tenant.apiKey })).status).toBe(400);
  });

  it('lists only the caller tenant\'s tasks', async () => {
    const other = await stack.newTenant();
    const response = await stack.request('/v1/tasks', { apiKey: other.apiKey });
    expect(await response.json()).toEqual({ tasks: [], next_cursor: null });
  });
});

describe('GET /v1/agents', () => {
  it('publishes manifests with JSON Schema inputs, by slug or alias', async () => {
    const response = await stack.request('/v1/agents');
    expect(response.status).toBe(200);
    const { agents } = (await response.json()) as { agents: { slug: string }[] };
    expect(agents.map((agent) => agent.slug)).toContain('echo');

    const echo = await (await stack.request('/v1/agents/echo-agent')).json();
    expect(echo).toMatchObject({
      slug: 'echo',
      default_task_type: 'echo',
      task_types: [
        {
          name: 'echo',
          emits: ['echo.result'],
          input_schema: { type: 'object', additionalProperties: false, properties: { sleep_ms: { type: 'integer', minimum: 0 } } },
          approval: { timeout_ms: 7 * 24 * 60 * 60 * 1000, on_timeout: 'fail' },
        },
        { name: 'echo_best_effort', approval: { on_timeout: 'continue' } },
      ],
    });
    expect((await stack.request('/v1/agents/nope')).status).toBe(404);
  });
});
