import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { RetrySchedule, webhookDeliveryWorkflow } from '../../workflows/webhook-delivery';

export type DeliveryConfig = Pick<Config, 'TASK_QUEUE' | 'WEBHOOK_RETRY_INITIAL_MS' | 'WEBHOOK_RETRY_MAX_INTERVAL_MS' | 'WEBHOOK_RETRY_WINDOW_MS'>;

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
 * after the first has closed, so a delivery runs once however often it is launched.
 */
export async function launchDelivery(db: Database, temporal: Client, config: DeliveryConfig, deliveryId: string): Promise<void> {
  try {
    await temporal.workflow.start<typeof webhookDeliveryWorkflow>('webhookDeliveryWorkflow', {
      workflowId: deliveryId,
      taskQueue: config.TASK_QUEUE,
      args: [{ deliveryId, retry: retrySchedule(config) }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  await db.webhookDelivery.updateMany({ where: { id: deliveryId, launchedAt: null }, data: { launchedAt: new Date() } });
}
