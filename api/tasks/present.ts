import type { Config } from '../../lib/config';
import { Prisma } from '../../lib/db/client';
import type { Artifact, Event, Task } from '../../lib/generated/prisma/client';
import type { Execution } from '../../workflows/model';

export type TaskRow = Task;
export type ArtifactSummary = Pick<Artifact, 'id' | 'type' | 'createdAt'>;
export type AuditEvent = Pick<Event, 'type' | 'data' | 'createdAt'>;

/** The events the `activities[]` audit trail is made of. */
export const AUDIT_EVENT_TYPES = [
  'task.created',
  'task.status_changed',
  'task.complete',
  'task.failed',
  'task.cancelled',
  'task.updated',
  'session.message',
  'approval.requested',
  'approval.resolved',
];

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Where links to the Temporal UI point; without TEMPORAL_UI_URL there are none (null). */
export type TaskLinkConfig = Pick<Config, 'TEMPORAL_NAMESPACE'> & { TEMPORAL_UI_URL?: string };

export const temporalUiUrl = (config: TaskLinkConfig, taskId: string) =>
  config.TEMPORAL_UI_URL === undefined ? null : `${config.TEMPORAL_UI_URL}/namespaces/${encodeURIComponent(config.TEMPORAL_NAMESPACE)}/workflows/${taskId}`;

/**
 * The Temporal UI shows every tenant's workflows and can terminate them: its links go to admin
 * keys only, unless the operator configured TEMPORAL_UI_URL (and so, presumably, its sign-in).
 */
export function linkConfigFor(config: TaskLinkConfig & Pick<Config, 'temporalUiConfigured'>, principal: { role: string }): TaskLinkConfig {
  return principal.role === 'admin' || config.temporalUiConfigured ? config : { TEMPORAL_NAMESPACE: config.TEMPORAL_NAMESPACE };
}

const artifactSummary = { id: true, type: true, createdAt: true, taskId: true } as const;

// Every task field under its own name; each field's column is its name in snake_case (the
// schema's convention), so a field added to the model is read here without a change.
const TASK_COLUMNS = Prisma.raw(
  Object.values(Prisma.TaskScalarFieldEnum)
    .map((field) => `t.${field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)} AS "${field}"`)
    .join(', '),
);

interface TaskRecordRow extends TaskRow {
  artifact_summaries: { id: string; type: string; created_at: string }[];
  audit_events: { type: string; data: Prisma.JsonValue; created_at: string }[];
}

/**
 * The full task record (every answer about one task: GET /v1/tasks/:id, the hottest read, and
 * each command's) in one round trip: the task row with its artifacts and audit trail aggregated
 * beside it; null when the tenant has no such task.
 */
export async function findTaskRecord(db: Prisma.TransactionClient, tenantId: string, taskId: string, config: TaskLinkConfig) {
  const [record] = await queryTaskRecords(db, Prisma.sql`t.id = ${taskId} AND t.tenant_id = ${tenantId}`, config);
  return record ?? null;
}

/** The full records of several tasks (webhook bodies), in one round trip, by task ID. */
export async function findTaskRecords(db: Prisma.TransactionClient, taskIds: string[], config: TaskLinkConfig) {
  const records = await queryTaskRecords(db, Prisma.sql`t.id = ANY(${taskIds})`, config);
  return new Map(records.map((record) => [record.task_id, record]));
}

async function queryTaskRecords(db: Prisma.TransactionClient, condition: Prisma.Sql, config: TaskLinkConfig) {
  const rows = await db.$queryRaw<TaskRecordRow[]>`
    SELECT ${TASK_COLUMNS},
      (SELECT coalesce(json_agg(json_build_object('id', a.id, 'type', a.type, 'created_at', a.created_at) ORDER BY a.created_at, a.id), '[]')
         FROM artifacts a WHERE a.tenant_id = t.tenant_id AND a.task_id = t.id) AS artifact_summaries,
      (SELECT coalesce(json_agg(json_build_object('type', e.type, 'data', e.data, 'created_at', e.created_at) ORDER BY e.task_seq), '[]')
         FROM events e WHERE e.task_id = t.id AND e.type = ANY(${AUDIT_EVENT_TYPES})) AS audit_events
    FROM tasks t WHERE ${condition}`;
  return rows.map(({ artifact_summaries, audit_events, ...task }) =>
    presentTask(task, {
      artifacts: artifact_summaries.map((artifact) => ({ id: artifact.id, type: artifact.type, createdAt: new Date(artifact.created_at) })),
      auditEvents: audit_events.map((event) => ({ type: event.type, data: event.data, createdAt: new Date(event.created_at) })),
      temporalUiUrl: temporalUiUrl(config, task.id),
    }),
  );
}

/** List items: the records without their audit trails, artifacts fetched in one query. */
export async function loadTaskListItems(db: Prisma.TransactionClient, tasks: TaskRow[], config: TaskLinkConfig) {
  const artifacts = await db.artifact.findMany({
    where: { taskId: { in: tasks.map((task) => task.id) } },
    select: artifactSummary,
    orderBy: { createdAt: 'asc' },
  });
  return tasks.map((task) =>
    presentTask(task, { artifacts: artifacts.filter((artifact) => artifact.taskId === task.id), temporalUiUrl: temporalUiUrl(config, task.id) }),
  );
}

/** The task record clients see (SPEC section 3); internal columns stay internal. */
export function presentTask(
  task: TaskRow,
  // Without auditEvents (listings) the record has no `activities`.
  related: { artifacts: ArtifactSummary[]; auditEvents?: AuditEvent[]; temporalUiUrl: string | null },
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
    ...(related.auditEvents && { activities: related.auditEvents.map(presentActivity) }),
    executions: task.executions as unknown as Execution[],
    trigger: presentTrigger(task),
    links: { temporal_ui: related.temporalUiUrl },
    created_at: task.createdAt.toISOString(),
    updated_at: task.updatedAt.toISOString(),
    started_at: iso(task.startedAt),
    completed_at: iso(task.completedAt),
  };
}

/** `{type, source_id}`, plus the source task and artifact of an event trigger and the channel of a channel rule. */
function presentTrigger(task: TaskRow) {
  return {
    type: task.triggerType,
    source_id: task.triggerSource,
    ...(task.triggerTaskId !== null && { source_task_id: task.triggerTaskId }),
    ...(task.triggerArtifactId !== null && { source_artifact_id: task.triggerArtifactId }),
    ...(task.triggerChannel !== null && { channel: task.triggerChannel }),
  };
}

type Change = { from: unknown; to: unknown };

/** One entry of the audit trail, read from the event log so the two can never disagree. */
function presentActivity(event: AuditEvent) {
  const data = event.data as Record<string, unknown>;
  const timestamp = event.createdAt.toISOString();
  switch (event.type) {
    case 'session.message':
      return { type: 'message', text: data.text ?? null, files: data.files ?? [], timestamp };
    case 'approval.requested':
      return { type: 'approval_requested', approval_id: data.approval_id, title: data.title, artifact_id: data.artifact_id ?? null, timestamp };
    case 'approval.resolved':
      return {
        type: 'approval_resolved',
        approval_id: data.approval_id,
        decision: data.decision,
        comment: data.comment ?? null,
        by: data.decided_by ?? null,
        timestamp,
      };
    case 'task.updated': {
      const fields = data.fields as Record<string, Change>;
      const by = data.by ?? null;
      if (fields.feedback) return { type: 'feedback', from: fields.feedback.from, to: fields.feedback.to, by, timestamp };
      if (fields.assigned_users) return { type: 'assignment', from: fields.assigned_users.from, to: fields.assigned_users.to, by, timestamp };
      return { type: 'update', fields, by, timestamp };
    }
    default:
      return {
        type: 'status_change',
        from: data.from ?? null,
        to: data.to ?? null,
        ...(typeof data.question === 'string' && { question: data.question }),
        timestamp,
      };
  }
}
