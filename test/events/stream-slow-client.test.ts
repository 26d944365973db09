import net from 'node:net';
import { appendEvents, seedTask } from '../support/events';
import { type TestStack, startStack } from '../support/stack';

let stack: TestStack;
const MAX_QUEUED = 4;
beforeAll(async () => {
  stack = await startStack({ worker: false, env: { SSE_MAX_QUEUED_EVENTS: String(MAX_QUEUED) } });
});
afterAll(async () => {
  await stack?.stop();
});

describe('a client that cannot keep up with its stream', () => {
  it('is dropped with a final comment saying where to resume, instead of growing the server memory', async () => {
    const tenant = await stack.newTenant();
    const owner = await seedTask(stack.db, tenant.tenantId);
    const { port } = new URL(stack.baseUrl);
    // A raw socket that stops reading once the stream has started.
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.write(
      `GET /v1/events/stream?task_id=${owner.taskId} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        `Authorization: Bearer ${tenant.apiKey}\r\nAccept: text/event-stream\r\n\r\n`,
    );
    let received = '';
    await new Promise<void>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString('latin1');
        if (received.includes(': connected')) resolve();
      });
    });
    socket.pause();

    // Far more than the socket buffers hold: the server must stop writing and then give up.
    const bulk = 'x'.repeat(256 * 1024);
    for (let index = 0; index < 80; index++) await appendEvents(stack.db, owner, ['task.progress'], { data: { bulk } });

    const ended = new Promise<void>((resolve) => socket.on('end', resolve));
    socket.resume();
    await ended;
    const frames = received.split('\n\n');
    const sent = frames.filter((frame) => frame.includes('event: task.progress'));
    expect(sent.length).toBeLessThan(80);
    const lastSeq = /id: (\d+)\n/.exec(sent.at(-1)!)![1];
    expect(frames.find((frame) => frame.includes(': dropped'))).toContain(
      `: dropped: more than ${MAX_QUEUED} events behind; reconnect with Last-Event-ID: ${lastSeq}`,
    );
  });
});
