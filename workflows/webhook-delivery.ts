import { continueAsNew, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { WebhookActivities } from '../activities/deliver-webhook';
import { type RetrySchedule, retryWait } from '../lib/webhooks/retry-schedule';

export interface WebhookDeliveryInput {
  deliveryId: string;
  retry: RetrySchedule;
  /**
   * Where earlier attempts left off: the dispatcher's own first attempt, or the previous run
   * (continue-as-new). `at`: when the next attempt is due (now when omitted).
   */
  resume?: { attempt: number; deadline: number; at?: number };
}

export type DeliveryOutcome = 'delivered' | 'retry' | 'failed' | 'gone';

// The HTTP attempt itself has its own timeout; retries here only cover the worker or the
// database failing around it, and must outlast them.
const { attemptWebhookDelivery } = proxyActivities<WebhookActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * The retries of one event to one webhook (workflow ID = delivery ID): attempt, and after each
 * failure wait an exponentially growing, jittered interval, until an attempt succeeds or the
 * retry window has no room for another. Each attempt is one activity that logs itself; the
 * schedule lives here, durable across worker restarts for as long as the window lasts (days by
 * default). Started for a delivery whose first attempt (made by a dispatcher) failed or never
 * finished, and for each redelivery.
 */
export async function webhookDeliveryWorkflow(input: WebhookDeliveryInput): Promise<DeliveryOutcome> {
  const deadline = input.resume?.deadline ?? Date.now() + input.retry.windowMs;
  const due = input.resume?.at;
  if (due !== undefined && due > Date.now()) await sleep(due - Date.now());
  for (let attempt = input.resume?.attempt ?? 1; ; attempt++) {
    const wait = retryWait(attempt, input.retry);
    const nextAttemptAt = Date.now() + wait <= deadline ? new Date(Date.now() + wait).toISOString() : null;
    const outcome = await attemptWebhookDelivery({ deliveryId: input.deliveryId, attempt, nextAttemptAt });
    if (outcome !== 'retry') return outcome;
    await sleep(wait);
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof webhookDeliveryWorkflow>({ ...input, resume: { attempt: attempt + 1, deadline } });
    }
  }
}
