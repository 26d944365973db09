import type { Artifact, Event, Task } from '../../lib/generated/prisma/client';
import type { Execution } from '../../workflows/model';

export type TaskRow = Task;
export type ArtifactSummary = Pick<Artifact, 'id' | 'type' | 'createdAt'>;
export type StatusEvent = Pick<Event, 'type' | 'data' | 'createdAt'>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The task record clients see (SPEC section 3); internal columns stay internal. */
export function presentTask(
  task: TaskRow,
  // Without statusEvents (listings) the record has no `activities`.
  related: { artifacts: ArtifactSummary[]; statusEvents?: StatusEvent[]; temporalUiUrl: string },
) {
  return {
    task_id: task.id,
    tenant_id: task.tenantId,
    agent: task.agent,
    task_type: task.taskType,
    input: task.input,
    status: task.status,
    priority: task.priority,
    session_id: task.sessionId,
    title: task.title,
    description: task.description,
    type: task.type,
    skills: task.skills,
    owner_email: task.ownerEmail,
    assigned_users: task.assignedUsers,
    followers: task.followers,
    feedback: task.feedback,
    progress: { fraction: task.progress, message: task.progressMessage },
    error: task.errorCode ? { code: task.errorCode, message: task.errorMessage } : null,
    output: task.output,
    artifacts: related.artifacts.map((artifact) => ({
      artifact_id: artifact.id,
      type: artifact.type,
      created_at: artifact.createdAt.toISOString(),
    })),
    // The audit trail is read from the event log, so it can never disagree with it.
    ...(related.statusEvents && {
      activities: related.statusEvents.map((event) => {
        const data = event.data as { from?: string; to?: string };
        return { type: 'status_change', from: data.from ?? null, to: data.to ?? null, timestamp: event.createdAt.toISOString() };
      }),
    }),
    executions: task.executions as unknown as Execution[],
    trigger: { type: task.triggerType, source_id: task.triggerSource },
    links: { temporal_ui: related.temporalUiUrl },
    created_at: task.createdAt.toISOString(),
    updated_at: task.updatedAt.toISOString(),
    started_at: iso(task.startedAt),
    completed_at: iso(task.completedAt),
  };
}
