import { performance } from 'node:perf_hooks';
import type { Api } from '../lib/http';
import { summarize, watchEventLoop } from '../lib/stats';

export interface ReadRateResult {
  rate: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-200 answers, network errors and timeouts. */
  errors: number;
  collapsed: boolean;
  /** This process's event-loop delay p99 meanwhile (requests fire late by about this much). */
  benchLoopDelayP99Ms: number;
  /** Not run: a lower rate collapsed already. */
  skipped?: boolean;
}

const COLLAPSE_P50_MS = 1_000;

/**
 * Open-loop `GET /v1/tasks/:id`: at each rate, requests are fired on a fixed schedule for
 * `seconds`, whatever the answers do, and each latency counts from its scheduled time (so a
 * stalled server shows up as latency, not as a lower rate). An answer other than 200, or one
 * more than `timeoutMs` after its scheduled time, is an error; a rate whose p50 exceeds 1 s or
 * that had errors collapsed, and higher rates are then skipped (bounded time, and no backlog
 * carried into the next scenario). One unrecorded second at the first rate warms the API up
 * first (its first queries, the pool growing), so the figures are its steady state.
 */
export async function measureReads(api: Api, taskIds: string[], options: { rates: number[]; seconds: number; timeoutMs: number }): Promise<ReadRateResult[]> {
  const [firstRate] = options.rates;
  if (firstRate !== undefined) await atRate(api, taskIds, firstRate, 1, options.timeoutMs);
  const results: ReadRateResult[] = [];
  for (const rate of options.rates) {
    if (results.some((result) => result.collapsed)) {
      results.push({ rate, requests: 0, p50Ms: Number.NaN, p99Ms: Number.NaN, errors: 0, collapsed: true, skipped: true, benchLoopDelayP99Ms: Number.NaN });
      continue;
    }
    results.push(await atRate(api, taskIds, rate, options.seconds, options.timeoutMs));
  }
  return results;
}

async function atRate(api: Api, taskIds: string[], rate: number, seconds: number, timeoutMs: number): Promise<ReadRateResult> {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let errors = 0;
  let fired = 0;
  const loopDelay = watchEventLoop();
  const start = performance.now();
  const fire = (index: number) => {
    const scheduled = start + (index * 1000) / rate;
    const id = taskIds[index % taskIds.length]!;
    pending.push(
      api.request('GET', `/v1/tasks/${id}`, { timeoutMs }).then((response) => {
        const latency = performance.now() - scheduled;
        // Answered, but later than a client would have waited (queued behind earlier requests).
        if (response.status !== 200 || latency > timeoutMs) errors++;
        latencies.push(latency);
      }),
    );
  };
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      while (fired < due) fire(fired++);
      if (fired >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
  await Promise.all(pending);
  const benchLoopDelayP99Ms = loopDelay();
  const summary = summarize(latencies);
  return { rate, requests: total, p50Ms: summary.p50, p99Ms: summary.p99, errors, collapsed: errors > 0 || summary.p50 > COLLAPSE_P50_MS, benchLoopDelayP99Ms };
}
