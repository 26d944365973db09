import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createWebhookActivities } from '../../activities/deliver-webhook';
import type { AgentRegistry } from '../../agents/registry';
import type { MailTransport } from '../../agents/sdk';
import type { Database } from '../db/client';
import type { OutboundFetcher } from '../outbound/fetch-url';
import type { ContentStore } from '../storage/content-store';
import type { WebhookDeliveryOptions } from '../webhooks/attempt';
import { observeActivities } from './activity-metrics';

export interface TaskWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Database;
  agents: AgentRegistry;
  storage: ContentStore;
  /** Where approved drafts are sent (see `openMailTransport`). */
  mail: MailTransport;
  /** What agents fetch URLs through (the outbound URL policy, size cap, timeout). */
  outbound: OutboundFetcher;
  webhookDelivery: WebhookDeliveryOptions;
  /** TRIGGER_MAX_DEPTH (the activities' default when omitted). */
  triggerMaxDepth?: number;
  /** What a tenant's artifacts and files may take in the store together. */
  storageQuotaBytes: number;
  /** TENANT_MAX_QUEUED_TASKS, for the tasks schedules and triggers start. */
  maxQueuedTasks: number;
  /** A prebuilt bundle (tests build one per run); otherwise workflows/ is bundled at start. */
  workflowBundlePath?: string;
  shutdownGraceTimeMs?: number;
  /** Slots for workflow tasks and activities (the SDK's defaults when omitted). */
  concurrency?: { workflowTasks: number; activities: number };
}

/** The worker that runs task workflows, webhook delivery workflows and their activities. */
export function createTaskWorker(options: TaskWorkerOptions): Promise<Worker> {
  const workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = options.workflowBundlePath
    ? { workflowBundle: { codePath: options.workflowBundlePath } }
    : { workflowsPath: require.resolve('../../workflows') };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...workflows,
    activities: {
      ...createActivities(options),
      ...createWebhookActivities(options.db, options.webhookDelivery),
    },
    interceptors: { activity: [observeActivities] },
    shutdownGraceTime: options.shutdownGraceTimeMs ?? 30_000,
    ...(options.concurrency && {
      maxConcurrentWorkflowTaskExecutions: options.concurrency.workflowTasks,
      maxConcurrentActivityTaskExecutions: options.concurrency.activities,
    }),
    // Cancellation reaches an activity on its next heartbeat flush: keep that within a second.
    maxHeartbeatThrottleInterval: '1 second',
  });
}
