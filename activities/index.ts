import type { AgentRegistry } from '../agents/registry';
import type { Database } from '../lib/db/client';
import { createRecordTransition } from './record-transition';
import { createRunAgent } from './run-agent';

export interface ActivityDependencies {
  db: Database;
  agents: AgentRegistry;
}

/** Every activity the task worker registers, built from its dependencies. */
export function createActivities({ db, agents }: ActivityDependencies) {
  return {
    recordTransition: createRecordTransition(db),
    runAgent: createRunAgent({ db, agents }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
