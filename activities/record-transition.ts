import { ApplicationFailure } from '@temporalio/activity';
import { type Database, Prisma } from '../lib/db/client';
import { applyRetentionWindow } from '../lib/db/artifact-retention';
import { type AppendOutcome, type TaskColumnsPatch, appendTaskEvents, appendTaskEventsAlone } from '../lib/db/task-events';
import { type ContentStore, artifactContentPrefix, taskContentPrefix } from '../lib/storage/content-store';
import type { ApprovalChange, TaskPatch, TransitionRecord } from '../workflows/model';
import { taskStartLatency } from '../lib/metrics/process-metrics';
import type { FireTriggers } from './fire-triggers';

/**
 * Appends a transition's events, applies its patch to the task projection and writes its
 * artifacts and approval change, in one database transaction. The workflow fixes the event IDs,
 * so when a retried attempt finds its first event already written it changes nothing: every
 * transition is recorded exactly once.
 */
export function createRecordTransition(deps: TransitionWriteDependencies) {
  return async function recordTransition(record: TransitionRecord): Promise<{ applied: boolean }> {
    return { applied: (await writeTransition(deps, record)) === 'appended' };
  };
}

export interface TransitionWriteDependencies {
  db: Database;
  storage: ContentStore;
  /** Starts the event-triggered tasks of the artifacts a transition records, in its transaction. */
  fireTriggers: FireTriggers;
}

/**
 * The write behind recordTransition, also used by the agent activity to record the start and the
 * completion of an execution itself. `duplicate`: an earlier attempt wrote it; `skipped`: the
 * task was not in `record.onlyWhileStatus`.
 */
export async function writeTransition({ db, storage, fireTriggers }: TransitionWriteDependencies, record: TransitionRecord): Promise<AppendOutcome> {
  const at = new Date(record.at);
  const taskArtifacts = { taskId: record.taskId, tenantId: record.tenantId };
  const discardedIds: string[] = [];
  const options = { onlyWhileStatus: record.onlyWhileStatus, patch: taskColumnsPatch(record.patch) };
  // Events and the task's new state alone are one statement; artifacts and approvals join them
  // in a transaction.
  const eventsOnly = !record.discardArtifacts && !record.artifacts?.length && !record.approval;
  const { outcome, taskCreatedAt } = await refuseUnstorableData(() =>
    eventsOnly
      ? appendTaskEventsAlone(db, record, record.events, at, options)
      : db.$transaction(async (tx) => {
          const appended = await appendTaskEvents(tx, record, record.events, at, options);
          if (appended.outcome !== 'appended') return appended;
          if (record.discardArtifacts) {
            // An approved artifact whose effect ran (a sent email) stays: it is the record of what was done.
            const discarded = await tx.artifact.findMany({ where: { ...taskArtifacts, effectAppliedAt: null }, select: { id: true } });
            discardedIds.push(...discarded.map((artifact) => artifact.id));
            await tx.artifact.deleteMany({ where: { ...taskArtifacts, id: { in: discardedIds } } });
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
                sizeBytes: artifact.file?.sizeBytes ?? Buffer.byteLength(JSON.stringify(artifact.data)),
                sha256: artifact.file?.sha256 ?? null,
                storagePath: artifact.file?.storagePath ?? null,
                data: artifact.data === null ? Prisma.DbNull : (artifact.data as Prisma.InputJsonObject),
                approvalStatus: artifact.approvalStatus,
                createdAt: at,
              })),
              skipDuplicates: true,
            });
            await applyRetentionWindow(tx, record.tenantId, record.artifacts.map((artifact) => artifact.id));
            await fireTriggers(tx, { tenantId: record.tenantId, taskId: record.taskId, agent: record.agent, artifacts: record.artifacts });
          }
          if (record.approval) await writeApproval(tx, record, record.approval);
          return appended;
        }),
  );
  // Retrying cannot bring a deleted task back; stop instead of failing forever.
  if (outcome === 'missing') throw ApplicationFailure.nonRetryable(`Task ${record.taskId} no longer exists`, 'task_deleted');
  // Observed once committed: a rolled-back write started nothing.
  if (outcome === 'appended' && record.patch.startedAt && taskCreatedAt) {
    taskStartLatency.observe(Math.max(0, (Date.parse(record.patch.startedAt) - taskCreatedAt.getTime()) / 1000));
  }
  // Only once the rows are gone (content without a row is harmless, a row without content is
  // not). With nothing kept, on every attempt: a retry after the commit still removes what is left.
  if (record.discardArtifacts) {
    const kept = await db.artifact.count({ where: { ...taskArtifacts, effectAppliedAt: { not: null } } });
    if (kept === 0) await storage.deletePrefix(taskContentPrefix(record.tenantId, record.taskId));
    else for (const id of discardedIds) await storage.deletePrefix(artifactContentPrefix(record.tenantId, record.taskId, id));
  }
  return outcome;
}

/** The transition's patch as the task's columns. */
function taskColumnsPatch(patch: TaskPatch): TaskColumnsPatch {
  return {
    ...(patch.status && { status: patch.status }),
    ...(patch.startedAt && { started_at: patch.startedAt }),
    ...(patch.completedAt !== undefined && { completed_at: patch.completedAt }),
    ...(patch.error !== undefined && { error_code: patch.error?.code ?? null, error_message: patch.error?.message ?? null }),
    ...(patch.output && { output: patch.output }),
    ...(patch.progress !== undefined && { progress: patch.progress }),
    ...(patch.progressMessage !== undefined && { progress_message: patch.progressMessage }),
    ...(patch.executions && { executions: patch.executions }),
    ...(patch.feedback !== undefined && { feedback: patch.feedback }),
  };
}

/**
 * A write the database refuses for its data (SQLSTATE classes 22 and 23, e.g. a NUL character in
 * an agent's output) fails the same way every time: fail it now, so the workflow can record the
 * task as failed, instead of retrying it forever like an outage.
 */
async function refuseUnstorableData<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const sqlState = error instanceof Prisma.PrismaClientKnownRequestError ? driverErrorCode(error) : undefined;
    if (sqlState?.startsWith('22') || sqlState?.startsWith('23') || error instanceof Prisma.PrismaClientValidationError) {
      throw ApplicationFailure.nonRetryable(`The database refused the task's data: ${(error as Error).message.split('\n').at(-1)}`, 'unstorable_data');
    }
    throw error;
  }
}

function driverErrorCode(error: Prisma.PrismaClientKnownRequestError): string | undefined {
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: unknown } } | undefined)?.cause;
  return typeof cause?.originalCode === 'string' ? cause.originalCode : undefined;
}

async function writeApproval(tx: Prisma.TransactionClient, record: TransitionRecord, change: ApprovalChange): Promise<void> {
  if (change.kind === 'requested') {
    await tx.approval.create({
      data: {
        id: change.id,
        tenantId: record.tenantId,
        taskId: record.taskId,
        artifactId: change.request.artifactId ?? null,
        title: change.request.title,
        description: change.request.description ?? null,
        requestedAt: new Date(change.requestedAt),
        expiresAt: new Date(change.expiresAt),
      },
    });
    return;
  }
  // updateMany: resolving an approval that was never stored is nothing to retry.
  await tx.approval.updateMany({
    where: { id: change.id },
    data: { status: change.status, comment: change.comment, decidedBy: change.decidedBy, decidedAt: new Date(change.decidedAt) },
  });
  const approval = await tx.approval.findUnique({ where: { id: change.id }, select: { artifactId: true } });
  const artifactStatus = ARTIFACT_APPROVAL_STATUS[change.status];
  // Only gated artifacts (created pending) follow their approval; one the retention pass already
  // expired stays expired (and unsent).
  if (approval?.artifactId && artifactStatus) {
    await tx.artifact.updateMany({
      where: { id: approval.artifactId, taskId: record.taskId, approvalStatus: 'pending' },
      data: { approvalStatus: artifactStatus },
    });
  }
}

// An artifact's approval_status after its approval is decided (a cancelled task discards it).
const ARTIFACT_APPROVAL_STATUS: Record<string, string | undefined> = { approved: 'approved', denied: 'rejected', expired: 'expired' };
