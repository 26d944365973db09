import { monitorEventLoopDelay } from 'node:perf_hooks';

/** The q-quantile (0..1) of ascending `sorted` values (nearest rank); NaN when there are none. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** p50, p99 and max of unsorted samples (sorts a copy). */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN };
}

/**
 * Watches this process's event-loop delay until the returned function is called, which gives
 * its p99 in ms: how late the bench itself noticed things (a client-side share of any latency).
 */
export function watchEventLoop(): () => number {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  return () => {
    histogram.disable();
    return histogram.percentile(99) / 1e6;
  };
}
