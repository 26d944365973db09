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
export const OPEN_STATUSES: readonly TaskStatus[] = TASK_STATUSES.filter((status) => !isTerminal(status));

export type EventType =
  | 'task.created'
  | 'task.progress'
  | 'task.complete'
  | 'task.failed'
  | 'task.cancelled'
  | 'task.status_changed'
  // Details, assignees or feedback changed (not in SPEC's list; the audit trail needs it).
  | 'task.updated'
  | 'artifact.emitted'
  | 'approval.requested'
  | 'approval.resolved'
  | 'session.message'
  | 'session.closed'
  | 'tool_call.executed';

export type Priority = 'low' | 'normal' | 'high';

/** How long an agent activity may go without a heartbeat unless its task type says otherwise. */
export const DEFAULT_HEARTBEAT_TIMEOUT_MS = 30_000;

export interface TaskError {
  code: string;
  message: string;
}

export type Feedback = 'like' | 'dislike' | null;

export interface Execution {
  id: string;
  /** `stopped`: halted by `stop`; `awaiting_input`: ended on a clarification question. */
  status: 'running' | 'complete' | 'failed' | 'cancelled' | 'stopped' | 'awaiting_input';
  started_at: string;
  completed_at: string | null;
  output_summary: string | null;
  /** Model tokens used, for agents that call a language model (llm). */
  usage?: TokenUsage;
}

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** Context a person gave the agent with `process` (or the answer to its question). */
export interface TaskMessage {
  id: string;
  text: string | null;
  files: TaskFile[];
  at: string;
}

export interface TaskFile {
  name: string;
  /** One of the tenant's uploaded files (`/v1/files`). */
  file_id?: string;
  url?: string;
  mime_type?: string;
}

export interface ApprovalPolicy {
  timeoutMs: number;
  /** What an unanswered approval turns into: the task fails, or the agent continues without. */
  onTimeout: 'fail' | 'continue';
}

/** What the agent asks a person to decide. */
export interface ApprovalRequest {
  title: string;
  description?: string;
  /** The artifact the decision is about, if any. */
  artifactId?: string;
  /** Overrides the task type's approval timeout. */
  timeoutMs?: number;
}

export interface ApprovalDecision {
  decision: 'approved' | 'denied' | 'expired';
  comment: string | null;
  decidedBy: string | null;
}

/**
 * The durable memory of an agent run. Agent code is re-run from the top after each suspension
 * (a checkpointed step, an approval, a clarification) and reads its earlier results from here,
 * so nothing before the suspension point is done twice.
 */
export type JournalEntry =
  // `resultId`: the result is in the step_results table. Runs recorded before that carry `result`.
  | { kind: 'step'; name: string; resultId: string }
  | { kind: 'step'; name: string; result: unknown }
  | { kind: 'approval'; approvalId: string; decision: ApprovalDecision }
  | { kind: 'clarification'; question: string; answer: string };

/** How one call of the agent's code ended. */
export type AgentOutcome =
  | {
      kind: 'complete';
      output: Record<string, unknown>;
      artifacts: ArtifactRecord[];
      /** Set when the activity recorded the completion itself (artifacts and `task.complete`). */
      recorded?: { at: string; executions: Execution[] };
    }
  | { kind: 'step'; name: string; resultId: string; artifacts: ArtifactRecord[] }
  | { kind: 'approval'; request: ApprovalRequest; artifacts: ArtifactRecord[]; effect?: ArtifactEffectRequest }
  | { kind: 'clarification'; question: string; artifacts: ArtifactRecord[] };

/** Run after the approval of a gated artifact is granted: its declared side effect. */
export interface ArtifactEffectRequest {
  artifactId: string;
}

/** Everything the workflow needs to run a task, fixed when the task is created. */
export interface TaskWorkflowInput {
  taskId: string;
  tenantId: string;
  agent: string;
  taskType: string;
  input: Record<string, unknown>;
  priority: Priority;
  /** Created with `defer`: waits in `pending` for `process`. */
  deferred: boolean;
  /** From the agent manifest. */
  execution: { timeoutMs: number; maximumAttempts: number; heartbeatTimeoutMs?: number };
  approval: ApprovalPolicy;
  /** How long an approval-gated artifact waits for a decision (the tenant's draft expiry). */
  draftExpiryMs?: number;
  /** Continue-as-new once the run's history has this many events (the server may suggest sooner). */
  historyLimit?: number;
  /** Set when a run continues as new: the state it hands over. */
  carried?: TaskState;
  /**
   * `once_waiting`: TaskwrightStatus is indexed from the first status in which the task waits for
   * a person on (workflows/task-log.ts). Absent in runs started before: those index every status.
   */
  statusIndexing?: 'once_waiting';
}

/** The workflow's state, as handed from one run to the next. */
export interface TaskState {
  status: TaskStatus;
  executions: Execution[];
  messages: TaskMessage[];
  journal: JournalEntry[];
  recordedArtifacts: string[];
  error: TaskError | null;
  feedback: Feedback;
  pendingApproval: PendingApproval | null;
  pendingQuestion: string | null;
}

export interface PendingApproval {
  id: string;
  request: ApprovalRequest;
  requestedAt: string;
  expiresAt: string;
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
  /** Structured content (null for a file artifact without it). */
  data: Record<string, unknown> | null;
  /** File content, already durable in the content store. */
  file?: { storagePath: string; sha256: string; sizeBytes: number };
  /** Gated artifacts wait for an approval before their side effect runs. */
  approvalStatus: 'not_required' | 'pending';
}

/** Projection columns a transition may change. Times are ISO strings (workflow time). */
export interface TaskPatch {
  status?: TaskStatus;
  startedAt?: string;
  completedAt?: string | null;
  error?: TaskError | null;
  output?: Record<string, unknown>;
  /** 0..1 */
  progress?: number;
  progressMessage?: string | null;
  executions?: Execution[];
  feedback?: Feedback;
}

/** An approval created, or decided, by a transition. */
export type ApprovalChange =
  | { kind: 'requested'; id: string; request: ApprovalRequest; requestedAt: string; expiresAt: string }
  | { kind: 'resolved'; id: string; status: 'approved' | 'denied' | 'expired' | 'cancelled'; comment: string | null; decidedBy: string | null; decidedAt: string };

/**
 * One state change of one task: its events, the projection patch, and any artifacts and approval
 * change, written together or not at all. Event IDs are fixed by the workflow, which makes the
 * write idempotent.
 */
export interface TransitionRecord {
  taskId: string;
  tenantId: string;
  agent: string;
  workflowId: string;
  runId: string;
  at: string;
  events: EventRecord[];
  patch: TaskPatch;
  artifacts?: ArtifactRecord[];
  /** Cancellation discards what the task produced so far. */
  discardArtifacts?: boolean;
  approval?: ApprovalChange;
  /** Written only while the task is in this status (else nothing is written). */
  onlyWhileStatus?: TaskStatus;
}

/** What `taskStateQuery` and every command answer: the workflow's own view of the task. */
export interface TaskSnapshot {
  taskId: string;
  status: TaskStatus;
  executions: Execution[];
  error: TaskError | null;
  feedback: Feedback;
  pendingApproval: PendingApproval | null;
  pendingQuestion: string | null;
}

/** Commands' payloads (workflow updates). */
export interface ProcessCommand {
  message?: string;
  files?: TaskFile[];
}

export interface DecideCommand {
  approvalId: string;
  decision: 'approved' | 'denied';
  comment?: string;
  decidedBy: string;
}

export interface FeedbackCommand {
  feedback: Feedback;
  by: string | null;
}

/** The type of the failure a command validator throws; the API answers 409 with `status`. */
export const ILLEGAL_TRANSITION = 'illegal_transition';
