import { ApplicationFailure, Context } from '@temporalio/activity';
import type { AgentRegistry } from '../agents/registry';
import type { JsonObject, MailTransport } from '../agents/sdk';
import type { Database } from '../lib/db/client';
import type { ArtifactEffectRequest } from '../workflows/model';

/**
 * Carries out the declared side effect of an approved gated artifact (e.g. sends the drafted
 * email), exactly once: the effect gets the artifact ID as its idempotency key, so an attempt
 * retried after the effect happened but before it was marked applied repeats nothing.
 */
export function createApplyArtifactEffect({ db, agents, mail }: { db: Database; agents: AgentRegistry; mail: MailTransport }) {
  return async function applyArtifactEffect({ artifactId }: ArtifactEffectRequest): Promise<{ applied: boolean }> {
    const artifact = await db.artifact.findUnique({ where: { id: artifactId }, include: { task: { select: { agent: true, taskType: true } } } });
    if (!artifact) throw ApplicationFailure.nonRetryable(`Artifact ${artifactId} no longer exists`, 'artifact_deleted');
    // Already done, or not approved after all (e.g. expired by retention first): nothing to do.
    if (artifact.effectAppliedAt || artifact.approvalStatus !== 'approved') return { applied: false };
    const effect = agents.get(artifact.task.agent)?.taskTypes[artifact.task.taskType]?.gated?.[artifact.type];
    if (!effect) throw ApplicationFailure.nonRetryable(`No effect is declared for ${artifact.type}`, 'no_artifact_effect');

    await effect.run(
      { id: artifact.id, tenantId: artifact.tenantId, taskId: artifact.taskId, type: artifact.type, displayName: artifact.displayName, data: artifact.data as JsonObject | null },
      { mail, idempotencyKey: artifact.id, signal: Context.current().cancellationSignal },
    );
    await db.artifact.updateMany({ where: { id: artifact.id, effectAppliedAt: null }, data: { effectAppliedAt: new Date() } });
    return { applied: true };
  };
}
