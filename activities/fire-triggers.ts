import type { AgentRegistry } from '../agents/registry';
import { presentArtifact } from '../api/artifacts/present';
import { presentTask } from '../api/tasks/present';
import type { Prisma } from '../lib/db/client';
import { type NewTask, type TaskLimits, insertFailedTask, insertTaskIfValid } from '../lib/db/task-creation';
import { derivedId } from '../lib/ids';
import { mapTriggerInput } from '../lib/triggers/input-map';

/** How many event triggers may follow one another before a chain is stopped (TRIGGER_MAX_DEPTH's default too). */
export const DEFAULT_TRIGGER_MAX_DEPTH = 5;

export interface TriggerFiringDependencies {
  agents: AgentRegistry;
  maxDepth?: number;
  /** The per-tenant limits its tasks are held to (TENANT_MAX_QUEUED_TASKS). */
  limits: TaskLimits;
}

export interface RecordedArtifacts {
  tenantId: string;
  taskId: string;
  agent: string;
  artifacts: { id: string; type: string }[];
}

/**
 * Starts the tasks of the event triggers that match artifacts just recorded, inside the very
 * transaction that records them: the artifact and its triggered tasks (each with its
 * `task_starts` row) commit together or not at all, so a worker dying in between loses nothing,
 * and a retry that finds the transition recorded writes neither again. Task IDs derive from
 * (trigger, artifact), which makes a second start of the same pair impossible besides.
 * A chain deeper than `maxDepth`, a mapped input the agent refuses, or a tenant at its queued
 * limit, becomes a failed task saying so, not a start.
 */
export function createTriggerFiring({ agents, maxDepth = DEFAULT_TRIGGER_MAX_DEPTH, limits }: TriggerFiringDependencies) {
  return async function fireTriggers(tx: Prisma.TransactionClient, recorded: RecordedArtifacts): Promise<void> {
    // Most artifacts trigger nothing: that costs this one indexed query.
    const triggers = await tx.trigger.findMany({
      where: {
        tenantId: recorded.tenantId,
        artifactType: { in: [...new Set(recorded.artifacts.map((artifact) => artifact.type))] },
        OR: [{ sourceAgent: null }, { sourceAgent: recorded.agent }],
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    if (triggers.length === 0) return;
    const artifacts = await tx.artifact.findMany({
      where: { id: { in: recorded.artifacts.map((artifact) => artifact.id) }, tenantId: recorded.tenantId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const source = await tx.task.findUniqueOrThrow({ where: { id: recorded.taskId } });
    const sourceArtifacts = await tx.artifact.findMany({ where: { taskId: source.id }, select: { id: true, type: true, createdAt: true }, orderBy: { createdAt: 'asc' } });
    // Links depend on the API's settings; they are no place for a path to point into.
    const { links: _links, ...taskView } = presentTask(source, { artifacts: sourceArtifacts, temporalUiUrl: '' });
    const depth = source.triggerDepth + 1;

    for (const artifact of artifacts) {
      for (const trigger of triggers.filter((candidate) => candidate.artifactType === artifact.type)) {
        const input = mapTriggerInput(trigger.input as Record<string, unknown>, trigger.inputMap as Record<string, string>, {
          artifact: presentArtifact(artifact),
          task: taskView,
        });
        const task: NewTask = {
          id: derivedId('task', trigger.id, artifact.id),
          tenantId: recorded.tenantId,
          agent: trigger.agent,
          taskType: trigger.taskType,
          input: input as Prisma.InputJsonObject,
          taskQueue: trigger.taskQueue,
          trigger: { type: 'event', sourceId: trigger.id, sourceTaskId: source.id, sourceArtifactId: artifact.id, depth },
        };
        if (depth > maxDepth) {
          await insertFailedTask(tx, task, {
            code: 'trigger_depth_exceeded',
            message: `Trigger ${trigger.id} would start the ${depth}th task of one chain of event triggers; chains stop after ${maxDepth}.`,
          });
          continue;
        }
        await insertTaskIfValid(
          tx,
          agents,
          task,
          {
            code: 'trigger_input_invalid',
            explain: (reason) => `Trigger ${trigger.id} mapped an input the agent refuses: ${reason}`,
          },
          limits,
        );
      }
    }
  };
}

export type FireTriggers = ReturnType<typeof createTriggerFiring>;
