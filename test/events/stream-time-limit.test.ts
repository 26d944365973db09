import { SseClient, type SseMessage } from '../support/sse';
import { type TestStack, startStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ worker: false, env: { SSE_MAX_STREAM_MS: '500' } });
});
afterAll(async () => {
  await stack?.stop();
});

describe('SSE_MAX_STREAM_MS', () => {
  it('ends a stream after that long, saying where to resume; the resumed stream replays what came meanwhile', async () => {
    const opened = Date.now();
    const first = await SseClient.open(`${stack.baseUrl}/v1/events/stream`, { headers: { authorization: `Bearer ${stack.admin.apiKey}` } });
    const messages: SseMessage[] = [];
    for (let message = await first.next(); message !== null; message = await first.next()) messages.push(message);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(500);
    expect(messages.at(-1)?.comment).toMatch(/open for 500 ms, the limit; reconnect with Last-Event-ID: \d+/);

    const position = /Last-Event-ID: (\d+)/.exec(messages.at(-1)!.comment!)![1]!;
    const created = (await (await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', defer: true } })).json()) as { task_id: string };
    const resumed = await SseClient.open(`${stack.baseUrl}/v1/events/stream?task_id=${created.task_id}`, {
      headers: { authorization: `Bearer ${stack.admin.apiKey}`, 'last-event-id': position },
    });
    const replayed: SseMessage[] = [];
    for (let message = await resumed.next(); message !== null; message = await resumed.next()) replayed.push(message);
    expect(replayed.filter((message) => message.event)).toEqual([expect.objectContaining({ event: 'task.created' })]);
  });
});
