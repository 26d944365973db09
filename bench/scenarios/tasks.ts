import { performance } from 'node:perf_hooks';
import { type Api, runClients, waitFor } from '../lib/http';
import { openSse } from '../lib/sse';
import { type Summary, summarize } from '../lib/stats';

export const ECHO_TASK = { agent: 'echo', input: { message: 'x' } };

export interface TaskThroughputResult {
  tasks: number;
  created: number;
  completed: number;
  failed: number;
  /** Tasks per second, first create sent to the last `task.complete` committed. */
  perSecond: number;
  createLatencyMs: Summary;
  createErrors: number;
  /** Task IDs created (complete ones first), for the read scenario. */
  taskIds: string[];
}

/**
 * `count` echo tasks created by `concurrency` concurrent HTTP clients. One SSE client follows
 * `task.complete` and `task.failed`; a task's end is its event's `created_at` (when the worker
 * wrote it, so the embedded database's once-a-second feed poll does not count against it).
 */
export async function measureTaskThroughput(api: Api, options: { count: number; concurrency: number; timeoutMs: number }): Promise<TaskThroughputResult> {
  const ended = new Map<string, { at: number; ok: boolean }>();
  const stream = openSse(
    api.baseUrl,
    '/v1/events/stream?types=task.complete,task.failed',
    api.apiKey,
    (event) => {
      if (!event.data) return;
      const data = JSON.parse(event.data) as { task_id: string; type: string; created_at: string };
      ended.set(data.task_id, { at: Date.parse(data.created_at), ok: data.type === 'task.complete' });
    },
    { resume: true },
  );
  try {
    await stream.connected;
    const ids: string[] = [];
    const latencies: number[] = [];
    let errors = 0;
    let lastError = '';
    const deadline = performance.now() + options.timeoutMs;
    const firstCreate = Date.now();
    await runClients(options.count, options.concurrency, async () => {
      const response = await api.request('POST', '/v1/tasks', { json: ECHO_TASK, timeoutMs: 30_000 });
      latencies.push(response.ms);
      if (response.status === 202) ids.push((JSON.parse(response.body) as { task_id: string }).task_id);
      else {
        errors++;
        lastError = `${response.status} ${response.body.slice(0, 200)}`;
      }
    });
    if (ids.length === 0) throw new Error(`no task was created: ${lastError}`);
    const allEnded = await waitFor(() => ids.every((id) => ended.has(id)), deadline, 50);
    const ends = ids.flatMap((id) => ended.get(id) ?? []);
    const completed = ends.filter((end) => end.ok).length;
    const lastEnd = Math.max(...ends.map((end) => end.at));
    if (!allEnded && completed === 0) throw new Error(`no task completed within ${options.timeoutMs / 1000} s`);
    return {
      tasks: options.count,
      created: ids.length,
      completed,
      failed: ends.length - completed,
      // Unfinished tasks (timeout) do not count: the figure then says how many did.
      perSecond: completed / ((lastEnd - firstCreate) / 1000),
      createLatencyMs: summarize(latencies),
      createErrors: errors,
      taskIds: [...ids.filter((id) => ended.get(id)?.ok), ...ids.filter((id) => !ended.get(id)?.ok)],
    };
  } finally {
    stream.close();
  }
}

/** Creates `count` echo tasks one after another; returns their IDs. */
export async function createTasks(api: Api, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await api.json<{ task_id: string }>('POST', '/v1/tasks', 202, ECHO_TASK)).task_id);
  return ids;
}
