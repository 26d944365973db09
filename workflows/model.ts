// The task's vocabulary, shared by the workflow, its activities and the API. Pure types and
// constants only: this file is bundled into the workflow sandbox.

export const TASK_STATUSES = [
  'pending',
  'queued',
  'running',
  'awaiting_approval',
  'needs_clarification',
  'on_hold',
  'complete',
  'failed',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TERMINAL_STATUSES: readonly TaskStatus[] = ['complete', 'failed', 'cancelled'];
export const isTerminal = (status: TaskStatus): boolean => TERMINAL_STATUSES.includes(status);

export type EventType =
  | 'task.created'
  | 'task.progress'
  | 'task.complete'
  | 'task.failed'
  | 'task.cancelled'
  | 'task.status_changed'
  | 'artifact.emitted'
  | 'approval.requested'
  | 'approval.resolved'
  | 'session.message'
  | 'session.closed'
  | 'tool_call.executed';

export type Priority = 'low' | 'normal' | 'high';

export interface TaskError {
  code: string;
  message: string;
}

export interface Execution {
  id: string;
  status: 'running' | 'complete' | 'failed' | 'cancelled';
  started_at: string;
  completed_at: string | null;
  output_summary: string | null;
}

/** Everything the workflow needs to run a task, fixed when the task is created. */
export interface TaskWorkflowInput {
  taskId: string;
  tenantId: string;
  agent: string;
  taskType: string;
  input: Record<string, unknown>;
  priority: Priority;
  /** The next per-task event sequence number (the API recorded `task.created` before). */
  nextSeq: number;
  /** From the agent manifest. */
  execution: { timeoutMs: number; maximumAttempts: number };
}

export interface EventRecord {
  id: string;
  type: EventType;
  data: Record<string, unknown>;
}

export interface ArtifactRecord {
  id: string;
  type: string;
  displayName: string;
  mimeType: string;
  data: Record<string, unknown>;
}

/** Projection columns a transition may change. Times are ISO strings (workflow time). */
export interface TaskPatch {
  status?: TaskStatus;
  startedAt?: string;
  completedAt?: string;
  error?: TaskError;
  output?: Record<string, unknown>;
  /** 0..1 */
  progress?: number;
  executions?: Execution[];
}

/**
 * One state change of one task: its events (sequence numbers `seq`, `seq + 1`, ...), the
 * projection patch and any artifacts, written together or not at all.
 */
export interface TransitionRecord {
  taskId: string;
  tenantId: string;
  agent: string;
  workflowId: string;
  runId: string;
  seq: number;
  at: string;
  events: EventRecord[];
  patch: TaskPatch;
  artifacts?: ArtifactRecord[];
  /** Cancellation discards what the task produced so far. */
  discardArtifacts?: boolean;
}

/** What `taskStateQuery` answers: the workflow's own view, for `consistency=strong`. */
export interface TaskSnapshot {
  taskId: string;
  status: TaskStatus;
  seq: number;
  executions: Execution[];
  error: TaskError | null;
}
