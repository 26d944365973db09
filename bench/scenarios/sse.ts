import { performance } from 'node:perf_hooks';
import { type Api, sleep, waitFor } from '../lib/http';
import { type SseStream, openSse } from '../lib/sse';
import { summarize, watchEventLoop } from '../lib/stats';
import { ECHO_TASK } from './tasks';

export interface SseFanoutResult {
  clients: number;
  tasks: number;
  /** Deliveries expected (clients × tasks) and received. */
  expected: number;
  received: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** This process's event-loop delay p99 while the events arrived. */
  benchLoopDelayP99Ms: number;
}

const CONNECT_BATCH = 50;

/**
 * `clients` SSE connections filtered to `task.created`, then `tasks` tasks created one after
 * another (`gapMs` apart). Latency is each client's receipt minus the event's `created_at` (its
 * commit, to the millisecond), all on this machine's clock.
 */
export async function measureSseFanout(api: Api, options: { clients: number; tasks: number; gapMs: number; timeoutMs: number }): Promise<SseFanoutResult> {
  const samples: { taskId: string; latencyMs: number }[] = [];
  const streams: SseStream[] = [];
  let received = 0;
  try {
    for (let opened = 0; opened < options.clients; opened += CONNECT_BATCH) {
      const batch = Array.from({ length: Math.min(CONNECT_BATCH, options.clients - opened) }, () =>
        openSse(api.baseUrl, '/v1/events/stream?types=task.created', api.apiKey, (event, receivedAt) => {
          if (!event.data) return;
          const data = JSON.parse(event.data) as { task_id: string; created_at: string };
          samples.push({ taskId: data.task_id, latencyMs: receivedAt - Date.parse(data.created_at) });
          received++;
        }),
      );
      streams.push(...batch);
      await Promise.all(batch.map((stream) => stream.connected));
    }
    const loopDelay = watchEventLoop();
    const taskIds = new Set<string>();
    for (let i = 0; i < options.tasks; i++) {
      if (i > 0) await sleep(options.gapMs);
      taskIds.add((await api.json<{ task_id: string }>('POST', '/v1/tasks', 202, ECHO_TASK)).task_id);
    }
    const expected = options.clients * options.tasks;
    await waitFor(() => received >= expected, performance.now() + options.timeoutMs, 20);
    const benchLoopDelayP99Ms = loopDelay();
    const summary = summarize(samples.filter((sample) => taskIds.has(sample.taskId)).map((sample) => sample.latencyMs));
    return { clients: options.clients, tasks: options.tasks, expected, received: summary.count, p50Ms: summary.p50, p99Ms: summary.p99, maxMs: summary.max, benchLoopDelayP99Ms };
  } finally {
    for (const stream of streams) stream.close();
  }
}
