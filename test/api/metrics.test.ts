import fs from 'node:fs';
import path from 'node:path';
import { assertMayScrape } from '../../api/metrics/access';
import { HttpProblem } from '../../api/problem';
import { eventually } from '../support/eventually';
import { SseClient } from '../support/sse';
import { type TestStack, startStack, waitForTask } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ ownDatabase: true });
});
afterAll(async () => {
  await stack?.stop();
});

/** GET /metrics (no API key: scrapers have none) parsed into `name{labels}` → value. */
async function scrape(): Promise<Map<string, number>> {
  const response = await stack.request('/metrics', { apiKey: null });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

async function createTask(input: Record<string, unknown>): Promise<string> {
  const response = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', task_type: 'echo', input } });
  expect(response.status).toBe(202);
  return ((await response.json()) as { task_id: string }).task_id;
}

describe('GET /metrics', () => {
  it('counts tasks by status and agent, times requests by route template, activities, and create → started', async () => {
    const taskId = await createTask({ message: 'measured' });
    await waitForTask(stack, taskId, (task) => task.status === 'complete');
    await stack.request(`/v1/tasks/${taskId}`);

    const samples = await scrape();
    expect(samples.get('taskwright_tasks{status="complete",agent="echo"}')).toBe(1);
    expect(samples.get('taskwright_http_request_duration_seconds_count{method="POST",route="/v1/tasks",status="202"}')).toBe(1);
    // By template: one series for every task's GET, none named by a task ID.
    expect(samples.get('taskwright_http_request_duration_seconds_count{method="GET",route="/v1/tasks/:id",status="200"}')).toBeGreaterThanOrEqual(2);
    expect([...samples.keys()].some((key) => key.includes(taskId))).toBe(false);
    expect(samples.get('taskwright_activity_duration_seconds_count{activity="runAgent",outcome="completed"}')).toBeGreaterThanOrEqual(1);
    expect(samples.get('taskwright_task_start_latency_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(samples.get('taskwright_task_start_latency_seconds_sum')).toBeGreaterThan(0);
  });

  it('counts failed activity attempts', async () => {
    const before = (await scrape()).get('taskwright_activity_failures_total{activity="runAgent"}') ?? 0;
    const taskId = await createTask({ fail_with: 'measured_failure' });
    await waitForTask(stack, taskId, (task) => task.status === 'failed');
    const samples = await scrape();
    expect(samples.get('taskwright_activity_failures_total{activity="runAgent"}')).toBe(before + 1);
    expect(samples.get('taskwright_activity_duration_seconds_count{activity="runAgent",outcome="failed"}')).toBeGreaterThanOrEqual(1);
  });

  it('shows approvals waiting, open SSE clients and the event feed keeping up', async () => {
    const taskId = await createTask({ require_approval: true });
    await waitForTask(stack, taskId, (task) => task.status === 'awaiting_approval');
    const stream = await SseClient.open(`${stack.baseUrl}/v1/events/stream`, { headers: { authorization: `Bearer ${stack.admin.apiKey}` } });
    try {
      await stream.next();
      const samples = await scrape();
      expect(samples.get('taskwright_approvals_waiting')).toBe(1);
      expect(samples.get('taskwright_sse_clients')).toBe(1);
      expect(samples.get('taskwright_tasks{status="awaiting_approval",agent="echo"}')).toBe(1);
    } finally {
      stream.close();
    }
    await eventually(async () => ((await scrape()).get('taskwright_sse_clients') === 0 ? true : undefined), 'the stream to be counted closed');
    await eventually(async () => ((await scrape()).get('taskwright_event_feed_lag_events') === 0 ? true : undefined), 'the feed to catch up');
  });

  it("charts only metrics the service exports (deploy/grafana-dashboard.json)", async () => {
    const dashboard = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'deploy', 'grafana-dashboard.json'), 'utf8')) as { panels: { targets: { expr: string }[] }[] };
    const charted = new Set(dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => target.expr.match(/taskwright_[a-z_]+/g) ?? [])));
    const exposition = await (await stack.request('/metrics', { apiKey: null })).text();
    const declared = [...exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)];
    const exported = new Set(declared.flatMap(([, name, type]) => (type === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name!])));
    expect([...charted].filter((name) => !exported.has(name))).toEqual([]);
  });

  it('answers 405 problem+json to other methods', async () => {
    const response = await stack.request('/metrics', { method: 'POST', apiKey: null });
    expect(response.status).toBe(405);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('who may scrape', () => {
  const problemOf = (check: () => void) => {
    try {
      check();
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(HttpProblem);
      return (error as HttpProblem).status;
    }
  };
  const TOKEN = 'metrics-token-0123456789';

  it('lets loopback clients in without a token', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(problemOf(() => assertMayScrape(address, undefined, undefined))).toBeUndefined();
  });

  it('refuses other clients unless they send the configured token', () => {
    expect(problemOf(() => assertMayScrape('10.0.0.5', undefined, undefined))).toBe(403);
    expect(problemOf(() => assertMayScrape('10.0.0.5', `Bearer ${TOKEN}`, undefined))).toBe(403);
    expect(problemOf(() => assertMayScrape('10.0.0.5', undefined, TOKEN))).toBe(401);
    expect(problemOf(() => assertMayScrape('::ffff:10.0.0.5', 'Bearer wrong-token-0123456789', TOKEN))).toBe(403);
    expect(problemOf(() => assertMayScrape('10.0.0.5', `Bearer ${TOKEN}`, TOKEN))).toBeUndefined();
    expect(problemOf(() => assertMayScrape(undefined, undefined, TOKEN))).toBe(401);
  });
});
