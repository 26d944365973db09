import type { PresentedEvent } from '../../lib/events/present';
import { spawn } from 'node:child_process';
import { appendEvents, seedTask } from '../support/events';
import type { Problem } from '../support/problem';
import { SseClient, type SseMessage } from '../support/sse';
import { type TestApi, type TestStack, type TestTenant, startStack } from '../support/stack';

let stack: TestStack;
let tenant: TestTenant;

beforeAll(async () => {
  stack = await startStack({ env: { SSE_KEEPALIVE_MS: '200' } });
  tenant = await stack.newTenant();
});
afterAll(async () => {
  await stack?.stop();
});


const payload = (message: SseMessage) => JSON.parse(message.data!) as PresentedEvent;

function openStream(query = '', options: { apiKey?: string; headers?: Record<string, string>; api?: TestApi | TestStack } = {}) {
  const api = options.api ?? stack;
  return SseClient.open(`${api.baseUrl}/v1/events/stream${query}`, {
    headers: { authorization: `Bearer ${options.apiKey ?? tenant.apiKey}`, accept: 'text/event-stream', ...options.headers },
  });
}

/** The task's events as the table holds them, in seq order. */
async function storedEvents(taskId: string) {
  const rows = await stack.db.event.findMany({ where: { taskId }, orderBy: { seq: 'asc' } });
  return rows.map((row) => ({ id: String(row.seq), event_id: row.id, type: row.type }));
}

const seen = (messages: SseMessage[]) => messages.map((message) => ({ id: message.id, event_id: payload(message).event_id, type: message.event }));

describe('GET /v1/events/stream', () => {
  it("streams a task's events live in the seed's format: event = type, id = seq, data = the event", async () => {
    const stream = await openStream();
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    const created = await stack.request('/v1/tasks', { method: 'POST', apiKey: tenant.apiKey, json: { agent: 'echo', task_type: 'echo', input: {} } });
    const { task_id: taskId } = (await created.json()) as { task_id: string };

    const messages = await stream.eventsUntil((message) => message.event === 'task.complete' && payload(message).task_id === taskId);
    stream.close();
    const ours = messages.filter((message) => payload(message).task_id === taskId);
    expect(ours.map((message) => message.event)).toEqual(['task.created', 'task.status_changed', 'artifact.emitted', 'task.complete']);
    for (const message of ours) {
      const event = payload(message);
      expect(message.id).toBe(String(event.seq));
      expect(message.event).toBe(event.type);
      expect(event).toMatchObject({ tenant_id: tenant.tenantId, task_id: taskId, agent: 'echo', event_id: expect.stringMatching(/^evt_/) });
    }
    expect(seen(ours)).toEqual(await storedEvents(taskId));
  });

  it('sends keep-alive comments while nothing happens', async () => {
    const stream = await openStream();
    let message = await stream.next();
    while (message && message.comment !== 'keep-alive') message = await stream.next();
    stream.close();
    expect(message).toEqual({ comment: 'keep-alive' });
  });

  it('filters by task_id, agent and types (comma list)', async () => {
    const echo = await seedTask(stack.db, tenant.tenantId, 'echo');
    const sales = await seedTask(stack.db, tenant.tenantId, 'sales');
    const byTask = await openStream(`?task_id=${echo.taskId}`);
    const byAgentAndTypes = await openStream(`?agent=sales&types=${encodeURIComponent('artifact.emitted, task.complete')}`);

    await appendEvents(stack.db, echo, ['task.created', 'task.progress']);
    await appendEvents(stack.db, sales, ['task.created', 'task.progress', 'artifact.emitted']);
    await appendEvents(stack.db, echo, ['artifact.emitted', 'task.complete']);
    await appendEvents(stack.db, sales, ['task.complete']);

    const taskEvents = await byTask.eventsUntil((message) => message.event === 'task.complete');
    expect(taskEvents.map((message) => [payload(message).task_id, message.event])).toEqual(
      ['task.created', 'task.progress', 'artifact.emitted', 'task.complete'].map((type) => [echo.taskId, type]),
    );
    const salesEvents = await byAgentAndTypes.eventsUntil((message) => message.event === 'task.complete');
    expect(salesEvents.map((message) => [payload(message).task_id, message.event])).toEqual([
      [sales.taskId, 'artifact.emitted'],
      [sales.taskId, 'task.complete'],
    ]);
    byTask.close();
    byAgentAndTypes.close();
  });

  it('resumes after a disconnect from Last-Event-ID (header or query) with every event exactly once', async () => {
    const owner = await seedTask(stack.db, tenant.tenantId);
    const first = await openStream(`?task_id=${owner.taskId}`);
    await appendEvents(stack.db, owner, ['task.created', 'task.status_changed', 'task.progress']);
    const before = await first.eventsUntil((message) => message.event === 'task.status_changed');
    first.close();
    // Written while no client is connected.
    await appendEvents(stack.db, owner, ['task.progress', 'artifact.emitted']);

    const resumed = await openStream(`?task_id=${owner.taskId}`, { headers: { 'last-event-id': before.at(-1)!.id! } });
    const replayed = await resumed.eventsUntil((message) => message.event === 'artifact.emitted');
    await appendEvents(stack.db, owner, ['task.complete']);
    const live = await resumed.eventsUntil((message) => message.event === 'task.complete');
    resumed.close();
    expect(seen([...before, ...replayed, ...live])).toEqual(await storedEvents(owner.taskId));

    const fromQuery = await openStream(`?task_id=${owner.taskId}&last_event_id=${before[0]!.id}`);
    const again = await fromQuery.eventsUntil((message) => message.event === 'task.complete');
    fromQuery.close();
    expect(seen([before[0]!, ...again])).toEqual(await storedEvents(owner.taskId));
  });

  it('hands over from replay to live with no gap and no duplicate while events keep arriving', async () => {
    const owner = await seedTask(stack.db, tenant.tenantId);
    const total = 240;
    // Four concurrent writers; appends commit in seq order whatever their interleaving.
    const writing = Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let index = 0; index < total / 4; index++) await appendEvents(stack.db, owner, ['task.progress']);
      }),
    );
    const received: SseMessage[] = [];
    let stream = await openStream(`?task_id=${owner.taskId}`, { headers: { 'last-event-id': '0' } });
    // Disconnect twice mid-stream and resume from the last id seen.
    for (const stopAt of [60, 150]) {
      while (received.length < stopAt) received.push(...(await stream.eventsUntil(() => true)));
      stream.close();
      stream = await openStream(`?task_id=${owner.taskId}`, { headers: { 'last-event-id': received.at(-1)!.id! } });
    }
    await writing;
    await appendEvents(stack.db, owner, ['task.complete']);
    received.push(...(await stream.eventsUntil((message) => message.event === 'task.complete')));
    stream.close();
    expect(received).toHaveLength(total + 1);
    expect(seen(received)).toEqual(await storedEvents(owner.taskId));
  });

  it('delivers events written through another API process (LISTEN/NOTIFY across processes)', async () => {
    const second = await stack.startApi();
    const onFirst = await openStream();
    const onSecond = await openStream('', { api: second });
    const created = await second.request('/v1/tasks', { method: 'POST', apiKey: tenant.apiKey, json: { agent: 'echo', task_type: 'echo', input: {} } });
    expect(created.status).toBe(202);
    const { task_id: taskId } = (await created.json()) as { task_id: string };

    const isDone = (message: SseMessage) => message.event === 'task.complete' && payload(message).task_id === taskId;
    for (const stream of [onFirst, onSecond]) {
      const messages = (await stream.eventsUntil(isDone)).filter((message) => payload(message).task_id === taskId);
      stream.close();
      expect(seen(messages)).toEqual(await storedEvents(taskId));
    }
  });

  it("never streams another tenant's events, live or replayed, even when asked for its task", async () => {
    const other = await stack.newTenant();
    const theirTask = await seedTask(stack.db, tenant.tenantId);
    const ownTask = await seedTask(stack.db, other.tenantId);
    const live = await openStream('', { apiKey: other.apiKey });
    const askingForTheirs = await stack.request(`/v1/events?task_id=${theirTask.taskId}`, { apiKey: other.apiKey });
    expect(((await askingForTheirs.json()) as { events: unknown[] }).events).toEqual([]);
    await appendEvents(stack.db, theirTask, ['task.created', 'task.complete']);
    await appendEvents(stack.db, ownTask, ['task.created']);

    // In seq order: had the other tenant's earlier events been sent, they would come first.
    const [first] = await live.eventsUntil(() => true);
    live.close();
    expect(payload(first!)).toMatchObject({ tenant_id: other.tenantId, task_id: ownTask.taskId });
    const replay = await openStream('?last_event_id=0', { apiKey: other.apiKey });
    const replayed = await replay.eventsUntil((message) => payload(message).task_id === ownTask.taskId);
    replay.close();
    expect(replayed.map((message) => payload(message).tenant_id)).toEqual([other.tenantId]);
  });

  it.each([
    ['types', '?types=task.created,task.exploded', {}],
    ['types', '?types=,', {}],
    ['last_event_id', '?last_event_id=-1', {}],
    ['Last-Event-ID', '', { 'last-event-id': 'abc' }],
  ])('answers 400 problem+json naming %s for bad input', async (field, query, headers) => {
    const response = await stack.request(`/v1/events/stream${query}`, { apiKey: tenant.apiKey, headers });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as Problem).errors?.map((error) => error.field)).toEqual([field]);
  });

  it('answers HEAD with the stream headers and no stream', async () => {
    const response = await stack.request('/v1/events/stream', { method: 'HEAD', apiKey: tenant.apiKey });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
  });

  it("works with the seed's curl -N example (filters as a form body)", async () => {
    const owner = await seedTask(stack.db, tenant.tenantId);
    const curl = spawn('curl', [
      '-N', '-sS', `${stack.baseUrl}/v1/events/stream`,
      '-H', `Authorization: Bearer ${tenant.apiKey}`,
      '-H', 'Accept: text/event-stream',
      '--data-urlencode', `task_id=${owner.taskId}`,
    ]);
    let output = '';
    const waiting: { text: string; resolve: () => void }[] = [];
    curl.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      for (const wait of waiting) if (output.includes(wait.text)) wait.resolve();
    });
    const outputContains = (text: string) =>
      new Promise<void>((resolve, reject) => {
        if (output.includes(text)) return resolve();
        waiting.push({ text, resolve });
        curl.on('exit', () => reject(new Error(`curl exited; output: ${output}`)));
      });
    await outputContains(': connected');
    const other = await seedTask(stack.db, tenant.tenantId);
    await appendEvents(stack.db, other, ['task.progress']);
    await appendEvents(stack.db, owner, ['task.progress'], { data: { message: 'Analyzing document', progress: 0.3 } });
    await outputContains('"progress":0.3');
    curl.kill();
    expect(output).not.toContain(other.taskId);
    expect(output).toMatch(/\nevent: task\.progress\ndata: \{.*"task_id":"task_.*"message":"Analyzing document"/);
  });
});
