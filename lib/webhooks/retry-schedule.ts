/** When a failed delivery is tried again. Pure, so the delivery workflow can use it too. */
export interface RetrySchedule {
  /** Wait after the first failed attempt; doubles after each further one. */
  initialIntervalMs: number;
  maxIntervalMs: number;
  /** No attempt starts later than this after the first one. */
  windowMs: number;
}

/**
 * The wait after failed attempt number `attempt`: exponential backoff with "equal jitter",
 * between half and all of the capped interval. Inside a workflow Math.random is seeded per run,
 * so replay computes the same waits.
 */
export function retryWait(attempt: number, retry: RetrySchedule): number {
  const capped = Math.min(retry.maxIntervalMs, retry.initialIntervalMs * 2 ** Math.min(attempt - 1, 40));
  return Math.round(capped / 2 + (Math.random() * capped) / 2);
}
