import { seedTask } from '../support/events';
import { type TestStack, type TestTenant, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
let tenant: TestTenant;
const created: string[] = [];
// Two sessions of the tenant: tasks alternate between them.
const sessions: string[] = [];

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
  for (let index = 0; index < 2; index++) {
    const response = await stack.request('/v1/sessions', { method: 'POST', json: {}, apiKey: tenant.apiKey });
    sessions.push(((await response.json()) as { session_id: string }).session_id);
  }
  for (let index = 0; index < 5; index++) await createTask({ type: index % 2 === 0 ? 'even' : 'odd', session_id: sessions[index % 2] });
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
    // Its own tenant: a running task and a task of another agent would change every count above.
    const mixed = await stack.newTenant();
    const createIn = async (body: Record<string, unknown>) => {
      const response = await stack.request('/v1/tasks', { method: 'POST', apiKey: mixed.apiKey, json: { agent: 'echo', task_type: 'echo', ...body } });
      expect(response.status).toBe(202);
      return ((await response.json()) as { task_id: string }).task_id;
    };
    const complete = await createIn({});
    const running = await createIn({ input: { sleep_ms: 60_000 } });
    // An agent this server does not run (the seed's `sales`): its tasks are still listed by its slug.
    const sales = await seedTask(stack.db, mixed.tenantId, 'sales');
    try {
      await waitForTask(stack, complete, (task) => task.status === 'complete', { apiKey: mixed.apiKey });
      await waitForTask(stack, running, (task) => task.status === 'running', { apiKey: mixed.apiKey });
      const listIn = async (query: string) => {
        const response = await stack.request(`/v1/tasks${query}`, { apiKey: mixed.apiKey });
        expect(response.status).toBe(200);
        return ((await response.json()) as { tasks: ListedTask[] }).tasks.map((task) => [task.task_id, task.status]);
      };
      expect(await listIn('?status=in_progress')).toEqual([[running, 'running']]);
      expect(await listIn('?status=running')).toEqual([[running, 'running']]);
      expect(await listIn('?status=completed')).toEqual([[complete, 'complete']]);
      expect(await listIn('?agent=echo-agent')).toEqual([[running, 'running'], [complete, 'complete']]);
      expect(await listIn('?agent=sales')).toEqual([[sales.taskId, 'queued']]);
      expect(await listIn('?agent=sales&status=in_progress')).toEqual([]);
    } finally {
      await stack.request(`/v1/tasks/${running}/cancel`, { method: 'POST', apiKey: mixed.apiKey });
    }

    expect(((await list('?type=odd')) as { tasks: ListedTask[] }).tasks.map((task) => task.task_id)).toEqual(
      created.filter((_, index, all) => all.length - 1 - index === 1 || all.length - 1 - index === 3),
    );
    expect(((await list(`?session_id=${sessions[0]}`)) as { tasks: ListedTask[] }).tasks).toHaveLength(3);
  });

  it('answers 400 for an unknown status, a forged cursor, or mixed paging styles', async () => {
    const badStatus = await stack.request('/v1/tasks?status=done', { apiKey: tenant.apiKey });
    expect(badStatus.status).toBe(400);
    expect(await badStatus.json()).toMatchObject({ errors: [{ field: 'status', message: expect.stringContaining('in_progress') }] });
    expect((await stack.request('/v1/tasks?cursor=not-a-cursor', { apiKey: tenant.apiKey })).status).toBe(400);
    expect((await stack.request('/v1/tasks?cursor=MTIz', { apiKey: tenant.apiKey })).status).toBe(400);
    expect((await stack.request('/v1/tasks?page=1&limit=5', { apiKey: tenant.apiKey })).status).toBe(400);
  });

  it('caps page paging at an offset of 10,000 tasks, pointing to cursors', async () => {
    // The last page that still starts within the first 10,000 tasks is served (empty here).
    expect((await stack.request('/v1/tasks?page=100&per_page=100', { apiKey: tenant.apiKey })).status).toBe(200);
    for (const query of ['page=101&per_page=100', 'page=501', 'page=10000000&perPage=100']) {
      const response = await stack.request(`/v1/tasks?${query}`, { apiKey: tenant.apiKey });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ field: 'page', message: expect.stringContaining('cursor') }] });
    }
  });

  it('lists only the caller tenant\'s tasks', async () => {
    const other = await stack.newTenant();
    const response = await stack.request('/v1/tasks', { apiKey: other.apiKey });
    expect(await response.json()).toEqual({ tasks: [], next_cursor: null });
  });
});

describe('search and mine', () => {
  it('finds tasks by the words of their title and description, stemmed, with web-search syntax', async () => {
    const searcher = await stack.newTenant();
    const make = async (title: string, description?: string) => {
      const response = await stack.request('/v1/tasks', { method: 'POST', apiKey: searcher.apiKey, json: { agent: 'echo', defer: true, title, description } });
      return ((await response.json()) as { task_id: string }).task_id;
    };
    const meeting = await make('Schedule Q2 planning meeting', 'Find a 90-minute slot for the leadership team.');
    const okrs = await make('Draft Q2 OKRs document', 'Based on the strategy memo and last quarter results.');
    await make('Unrelated chores');
    const search = async (query: string) => {
      const response = await stack.request(`/v1/tasks?search=${encodeURIComponent(query)}`, { apiKey: searcher.apiKey });
      expect(response.status).toBe(200);
      return ((await response.json()) as { tasks: { task_id: string }[] }).tasks.map((task) => task.task_id);
    };
    expect(await search('meetings')).toEqual([meeting]); // stemmed: meeting ~ meetings
    expect(await search('leadership')).toEqual([meeting]); // description
    expect(await search('q2')).toEqual([okrs, meeting]);
    expect(await search('q2 -okrs')).toEqual([meeting]);
    expect(await search('"strategy memo"')).toEqual([okrs]);
    expect(await search('nothing-like-this')).toEqual([]);
    const paged = await stack.request('/v1/tasks?search=q2&page=1&per_page=1', { apiKey: searcher.apiKey });
    expect(await paged.json()).toMatchObject({ data: [{ task_id: okrs }], pagination: { page: 1, per_page: 1, total: 2 } });
  });

  it('answers searches from the full-text index', async () => {
    const plan = await stack.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT id FROM tasks WHERE to_tsvector('english'::regconfig, coalesce("title", '') || ' ' || coalesce("description", '')) @@ websearch_to_tsquery('english'::regconfig, 'meeting')`,
      );
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('tasks_search_idx');
  });

  it('lists with mine=true the tasks the key\'s user owns or is assigned to', async () => {
    const team = await stack.newTenant();
    const keyFor = async (email: string) => {
      const response = await stack.request('/v1/api-keys', { method: 'POST', apiKey: team.apiKey, json: { name: email, user_email: email } });
      expect(response.status).toBe(201);
      return ((await response.json()) as { key: string }).key;
    };
    const jane = await keyFor('jane@example.com');
    const bob = await keyFor('bob@example.com');
    const create = async (apiKey: string, body: Record<string, unknown> = {}) => {
      const response = await stack.request('/v1/tasks', { method: 'POST', apiKey, json: { agent: 'echo', defer: true, ...body } });
      return (await response.json()) as { task_id: string; owner_email: string | null };
    };
    const owned = await create(jane);
    expect(owned.owner_email).toBe('jane@example.com');
    const assigned = await create(bob, { assigned_users: ['jane@example.com'] });
    await create(bob);
    const mine = async (apiKey: string) => {
      const response = await stack.request('/v1/tasks?mine=true', { apiKey });
      return ((await response.json()) as { tasks: { task_id: string }[] }).tasks.map((task) => task.task_id);
    };
    expect(await mine(jane)).toEqual([assigned.task_id, owned.task_id]);
    expect(await mine(bob)).toHaveLength(2);
    const anonymous = await stack.request('/v1/tasks?mine=true', { apiKey: team.apiKey });
    expect(anonymous.status).toBe(400);
    expect(((await anonymous.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('mine');
    expect((await stack.request('/v1/tasks?mine=yes', { apiKey: jane })).status).toBe(400);
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
          emits: ['echo.result', 'echo.file', 'echo.email_draft'],
          input_schema: { type: 'object', additionalProperties: false, properties: { sleep_ms: { type: 'integer', minimum: 0 } } },
          approval: { timeout_ms: 7 * 24 * 60 * 60 * 1000, on_timeout: 'fail' },
        },
        { name: 'echo_best_effort', approval: { on_timeout: 'continue' } },
      ],
    });
    expect((await stack.request('/v1/agents/nope')).status).toBe(404);
  });
});
