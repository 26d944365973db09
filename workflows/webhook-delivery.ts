import { continueAsNew, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { WebhookActivities } from '../activities/deliver-webhook';

export interface RetrySchedule {
  /** Wait after the first failed attempt; doubles after each further one. */
  initialIntervalMs: number;
  maxIntervalMs: number;
  /** No attempt starts later than this after the first one. */
  windowMs: number;
}

export interface WebhookDeliveryInput {
  deliveryId: string;
  retry: RetrySchedule;
  /** Set when continuing as new: where the previous run left off. */
  resume?: { attempt: number; deadline: number };
}

export type DeliveryOutcome = 'delivered' | 'retry' | 'failed' | 'gone';

// The HTTP attempt itself has its own timeout; retries here only cover the worker or the
// database failing around it, and must outlast them.
const { attemptWebhookDelivery } = proxyActivities<WebhookActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * One event to one webhook (workflow ID = delivery ID): attempt, and after each failure wait an
 * exponentially growing, jittered interval, until an attempt succeeds or the retry window has no
 * room for another. Each attempt is one activity that logs itself; the schedule lives here,
 * durable across worker restarts for as long as the window lasts (days by default).
 */
export async function webhookDeliveryWorkflow(input: WebhookDeliveryInput): Promise<DeliveryOutcome> {
  const deadline = input.resume?.deadline ?? Date.now() + input.retry.windowMs;
  for (let attempt = input.resume?.attempt ?? 1; ; attempt++) {
    const wait = backoff(attempt, input.retry);
    const nextAttemptAt = Date.now() + wait <= deadline ? new Date(Date.now() + wait).toISOString() : null;
    const outcome = await attemptWebhookDelivery({ deliveryId: input.deliveryId, attempt, nextAttemptAt });
    if (outcome !== 'retry') return outcome;
    await sleep(wait);
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof webhookDeliveryWorkflow>({ ...input, resume: { attempt: attempt + 1, deadline } });
    }
  }
}

/** Exponential backoff with "equal jitter": between half and all of the capped interval. */
function backoff(attempt: number, retry: RetrySchedule): number {
  const capped = Math.min(retry.maxIntervalMs, retry.initialIntervalMs * 2 ** Math.min(attempt - 1, 40));
  // Math.random is seeded per workflow run, so replay computes the same waits.
  return Math.round(capped / 2 + (Math.random() * capped) / 2);
}
