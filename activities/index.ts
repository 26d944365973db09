import type { AgentRegistry } from '../agents/registry';
import type { MailTransport } from '../agents/sdk';
import type { Database } from '../lib/db/client';
import type { OutboundFetcher } from '../lib/outbound/fetch-url';
import type { ContentStore } from '../lib/storage/content-store';
import { createAgentServices } from './agent-services';
import { createApplyArtifactEffect } from './apply-artifact-effect';
import { createTriggerFiring } from './fire-triggers';
import { createScheduledTaskActivities } from './scheduled-task';
import { createPurgeExpiredArtifacts } from './purge-expired-artifacts';
import { createRecordTransition } from './record-transition';
import { createRunAgent } from './run-agent';

export interface ActivityDependencies {
  db: Database;
  agents: AgentRegistry;
  storage: ContentStore;
  mail: MailTransport;
  /** Every URL an agent fetches goes through it. */
  outbound: OutboundFetcher;
  /** How many event triggers may follow one another (TRIGGER_MAX_DEPTH). */
  triggerMaxDepth?: number;
  /** What a tenant's artifacts and files may take in the store together. */
  storageQuotaBytes: number;
  /** TENANT_MAX_QUEUED_TASKS: what schedules and triggers may start is bounded like any create. */
  maxQueuedTasks: number;
}

/** Every activity task and retention workflows call, built from their dependencies. */
export function createActivities({ db, agents, storage, mail, outbound, triggerMaxDepth, storageQuotaBytes, maxQueuedTasks }: ActivityDependencies) {
  const limits = { maxQueued: maxQueuedTasks };
  const fireTriggers = createTriggerFiring({ agents, maxDepth: triggerMaxDepth, limits });
  return {
    recordTransition: createRecordTransition({ db, storage, fireTriggers }),
    runAgent: createRunAgent({ db, agents, storage, fireTriggers, services: createAgentServices({ db, storage, outbound }), storageQuotaBytes }),
    ...createScheduledTaskActivities({ db, agents, limits }),
    applyArtifactEffect: createApplyArtifactEffect({ db, agents, mail }),
    purgeExpiredArtifacts: createPurgeExpiredArtifacts({ db, storage }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
