import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { WebhookDeliveryInput, webhookDeliveryWorkflow } from '../../workflows/webhook-delivery';
import type { RetrySchedule } from './retry-schedule';

export type DeliveryConfig = Pick<Config, 'TASK_QUEUE' | 'WEBHOOK_RETRY_INITIAL_MS' | 'WEBHOOK_RETRY_MAX_INTERVAL_MS' | 'WEBHOOK_RETRY_WINDOW_MS'>;

/** How long a launch may take before another dispatcher presumes it lost and launches again. */
export const LAUNCH_CLAIM_MS = 10_000;

export function retrySchedule(config: DeliveryConfig): RetrySchedule {
  return {
    initialIntervalMs: config.WEBHOOK_RETRY_INITIAL_MS,
    maxIntervalMs: config.WEBHOOK_RETRY_MAX_INTERVAL_MS,
    windowMs: config.WEBHOOK_RETRY_WINDOW_MS,
  };
}

/**
 * Starts a delivery's workflow (ID = delivery ID) and marks the delivery launched. Safe to call
 * any number of times from any process: Temporal refuses a second workflow with that ID, even
 * after the first has closed, so a delivery's retries run once however often it is launched.
 * `resume`: where attempts made outside the workflow left off (none: it starts at attempt 1).
 */
export async function launchDelivery(
  db: Database,
  temporal: Client,
  config: DeliveryConfig,
  deliveryId: string,
  resume?: WebhookDeliveryInput['resume'],
): Promise<void> {
  try {
    await temporal.workflow.start<typeof webhookDeliveryWorkflow>('webhookDeliveryWorkflow', {
      workflowId: deliveryId,
      taskQueue: config.TASK_QUEUE,
      args: [{ deliveryId, retry: retrySchedule(config), ...(resume && { resume }) }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  await db.webhookDelivery.updateMany({ where: { id: deliveryId, launchedAt: null }, data: { launchedAt: new Date() } });
}
