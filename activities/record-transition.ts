import { ApplicationFailure } from '@temporalio/activity';
import type { Database, Prisma } from '../lib/db/client';
import { claimEventLog } from '../lib/db/task-events';
import type { TransitionRecord } from '../workflows/model';

/**
 * Appends a transition's events, applies its patch to the task projection and writes its
 * artifacts, in one database transaction. Keyed by (task_id, seq): when a retried attempt finds
 * its events already written it changes nothing, so every transition is recorded exactly once.
 */
export function createRecordTransition(db: Database) {
  return async function recordTransition(record: TransitionRecord): Promise<{ applied: boolean }> {
    const at = new Date(record.at);
    return db.$transaction(async (tx) => {
      await claimEventLog(tx);
      const task = await tx.task.findUnique({ where: { id: record.taskId }, select: { id: true } });
      // Retrying cannot bring a deleted task back; stop instead of failing forever.
      if (!task) throw ApplicationFailure.nonRetryable(`Task ${record.taskId} no longer exists`, 'task_deleted');
      const inserted = await tx.event.createMany({
        data: record.events.map((event, index) => ({
          id: event.id,
          tenantId: record.tenantId,
          taskId: record.taskId,
          taskSeq: record.seq + index,
          agent: record.agent,
          type: event.type,
          data: event.data as Prisma.InputJsonObject,
          createdAt: at,
        })),
        skipDuplicates: true,
      });
      if (inserted.count === 0) return { applied: false };

      if (record.discardArtifacts) {
        await tx.artifact.deleteMany({ where: { taskId: record.taskId, tenantId: record.tenantId } });
      }
      if (record.artifacts?.length) {
        await tx.artifact.createMany({
          data: record.artifacts.map((artifact) => ({
            id: artifact.id,
            tenantId: record.tenantId,
            taskId: record.taskId,
            workflowId: record.workflowId,
            runId: record.runId,
            type: artifact.type,
            displayName: artifact.displayName,
            mimeType: artifact.mimeType,
            sizeBytes: Buffer.byteLength(JSON.stringify(artifact.data)),
            data: artifact.data as Prisma.InputJsonObject,
            createdAt: at,
          })),
        });
      }

      const { patch } = record;
      // The guard keeps the projection from ever moving backwards, whatever order writes land in.
      await tx.task.updateMany({
        where: { id: record.taskId, lastSeq: { lt: record.seq } },
        data: {
          lastSeq: record.seq + record.events.length - 1,
          updatedAt: at,
          ...(patch.status && { status: patch.status }),
          ...(patch.startedAt && { startedAt: new Date(patch.startedAt) }),
          ...(patch.completedAt && { completedAt: new Date(patch.completedAt) }),
          ...(patch.error && { errorCode: patch.error.code, errorMessage: patch.error.message }),
          ...(patch.output && { output: patch.output as Prisma.InputJsonObject }),
          ...(patch.progress !== undefined && { progress: patch.progress }),
          ...(patch.executions && { executions: patch.executions as unknown as Prisma.InputJsonArray }),
        },
      });
      return { applied: true };
    });
  };
}
