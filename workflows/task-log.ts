import { ApplicationFailure, CancellationScope, proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { ulid } from '../lib/ulid';
import {
  type ApprovalChange,
  type ApprovalDecision,
  type ApprovalRequest,
  type ArtifactRecord,
  type EventRecord,
  type EventType,
  type Execution,
  type FeedbackCommand,
  ILLEGAL_TRANSITION,
  type PendingApproval,
  type ProcessCommand,
  type TaskPatch,
  type TaskSnapshot,
  type TaskState,
  type TaskStatus,
  type TaskWorkflowInput,
  type TransitionRecord,
  isTerminal,
} from './model';
import { TASK_STATUS } from './search-attributes';
import { cleanText, closeRunningExecution, summarizeOutput } from './execution-records';

// Bookkeeping writes must land: retry them until the database is back.
type TransitionExtras = Pick<TransitionRecord, 'artifacts' | 'discardArtifacts' | 'approval'>;

const { recordTransition } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 ms', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

type Ending = 'complete' | 'failed' | 'cancelled';

// The statuses in which a task waits for a person: with `statusIndexing: 'once_waiting'`, the
// run's TaskwrightStatus is kept current from the first of them on, and a task that never waits
// carries none. Each upsert is a visibility write on the Temporal server, and Temporal's
// ExecutionStatus already tells a running run from a closed one. (Chosen by the input rather than
// `patched()`: a new patch upserts TemporalChangeVersion, the very write this saves.)
const WAITING_FOR_A_PERSON: readonly TaskStatus[] = ['pending', 'awaiting_approval', 'needs_clarification', 'on_hold'];

/**
 * The task's state inside its workflow. Every change goes through `record`, which writes the
 * events and the projection patch with recordTransition, one write at a time, in order.
 */
export class TaskLog {
  readonly state: TaskState;
  private writes: Promise<unknown> = Promise.resolve();
  /**
   * The start of an execution, not written yet: the agent activity writes it as its first act
   * (no bookkeeping activity of its own), and the next write here writes it first in case the
   * activity never got that far. Both are idempotent, so writing it twice changes nothing.
   */
  private unwrittenStart: TransitionRecord | undefined;

  constructor(private readonly task: TaskWorkflowInput) {
    this.state = task.carried ?? {
      status: task.deferred ? 'pending' : 'queued',
      executions: [],
      messages: [],
      journal: [],
      recordedArtifacts: [],
      error: null,
      feedback: null,
      pendingApproval: null,
      pendingQuestion: null,
    };
  }

  get status(): TaskStatus {
    return this.state.status;
  }

  snapshot(): TaskSnapshot {
    const { status, executions, error, feedback, pendingApproval, pendingQuestion } = this.state;
    return { taskId: this.task.taskId, status, executions, error, feedback, pendingApproval, pendingQuestion };
  }

  /** Refuses a command the current status does not allow; the API turns this into a 409. */
  assertStatus(command: string, allowed: readonly TaskStatus[]): void {
    if (!allowed.includes(this.state.status)) {
      throw ApplicationFailure.create({
        type: ILLEGAL_TRANSITION,
        message: `Cannot ${command} a task that is ${this.state.status}.`,
        details: [{ status: this.state.status }],
        nonRetryable: true,
      });
    }
  }

  /** queued → running; written by the agent activity (see `unwrittenStart`). */
  startExecution(): void {
    const from = this.state.status;
    const patch = this.openExecution();
    this.setStatus('running');
    this.unwrittenStart = this.transition([this.event('task.status_changed', { from, to: 'running' })], { ...patch, status: 'running' });
  }

  /** The start transition the next agent activity is to write first, if any. */
  get startToWrite(): TransitionRecord | undefined {
    return this.unwrittenStart;
  }

  /** An agent activity returned: the start it was given is written. */
  startWritten(): void {
    this.unwrittenStart = undefined;
  }

  /** The agent activity recorded the completion itself: take the state it wrote. */
  adoptCompletion(artifacts: ArtifactRecord[], executions: Execution[]): void {
    this.unwrittenStart = undefined;
    this.state.recordedArtifacts = [...this.state.recordedArtifacts, ...artifacts.map((artifact) => artifact.id)];
    this.state.executions = executions;
    this.state.error = null;
    this.setStatus('complete');
  }

  /** `process`: context for the agent, and a new execution (from pending, on_hold or a question). */
  async process(command: ProcessCommand): Promise<void> {
    const events: EventRecord[] = [];
    const text = command.message ?? null;
    const files = command.files ?? [];
    if (text !== null || files.length > 0) {
      const message = { id: `msg_${newUlid()}`, text, files, at: nowIso() };
      this.state.messages = [...this.state.messages, message];
      events.push(this.event('session.message', { message_id: message.id, role: 'user', text, files }));
    }
    if (this.state.pendingQuestion !== null) {
      this.state.journal = [...this.state.journal, { kind: 'clarification', question: this.state.pendingQuestion, answer: text ?? '' }];
      this.state.pendingQuestion = null;
    }
    await this.changeStatus('running', events, this.openExecution());
  }

  /** The agent asked a question: its execution ends and the task waits for `process`. */
  async askClarification(asked: string): Promise<void> {
    const question = cleanText(asked);
    this.state.pendingQuestion = question;
    await this.changeStatus('needs_clarification', [], { executions: this.closeExecution('awaiting_input', question) }, { question });
  }

  /**
   * `stop` took effect: the execution is halted and the task waits for `process`. An approval
   * requested as the stop arrived is withdrawn; the agent asks again once the task resumes.
   */
  async hold(): Promise<void> {
    const open = this.state.pendingApproval;
    this.state.pendingApproval = null;
    const withdrawn = open ? this.cancelledApproval(open, nowIso()) : undefined;
    const events = withdrawn ? [this.approvalResolvedEvent(withdrawn)] : [];
    await this.changeStatus('on_hold', events, { executions: this.closeExecution('stopped', 'stopped') }, {}, withdrawn);
  }

  async recordArtifacts(artifacts: ArtifactRecord[]): Promise<void> {
    const fresh = artifacts.filter((artifact) => !this.state.recordedArtifacts.includes(artifact.id));
    if (fresh.length === 0) return;
    this.state.recordedArtifacts = [...this.state.recordedArtifacts, ...fresh.map((artifact) => artifact.id)];
    const events = fresh.map((artifact) => this.event('artifact.emitted', { artifact_id: artifact.id, type: artifact.type }));
    await this.record(events, {}, { artifacts: fresh });
  }

  async requestApproval(asked: ApprovalRequest, timeoutMs: number): Promise<PendingApproval> {
    const requestedAt = workflowNow();
    const request: ApprovalRequest = {
      ...asked,
      title: cleanText(asked.title),
      ...(asked.description !== undefined && { description: cleanText(asked.description) }),
    };
    const approval: PendingApproval = {
      id: `apr_${newUlid()}`,
      request,
      requestedAt: requestedAt.toISOString(),
      expiresAt: new Date(requestedAt.getTime() + timeoutMs).toISOString(),
    };
    const requested = this.event('approval.requested', {
      approval_id: approval.id,
      title: request.title,
      description: request.description ?? null,
      artifact_id: request.artifactId ?? null,
      expires_at: approval.expiresAt,
    });
    const changed = this.event('task.status_changed', { from: this.state.status, to: 'awaiting_approval' });
    // Open before the write lands, so a decision sent as soon as the approval is listed is taken.
    this.state.pendingApproval = approval;
    try {
      await this.record([requested, changed], { status: 'awaiting_approval' }, { approval: { kind: 'requested', ...approval } });
    } catch (error) {
      // Never stored: a task that ends now must not resolve an approval that never was.
      this.state.pendingApproval = null;
      throw error;
    }
    this.setStatus('awaiting_approval');
    return approval;
  }

  /** Records the decision; the task runs on unless `thenStatus` says otherwise. */
  async resolveApproval(decision: ApprovalDecision, thenStatus: 'running' | null): Promise<void> {
    const approval = this.state.pendingApproval;
    if (!approval) return;
    this.state.pendingApproval = null;
    this.state.journal = [...this.state.journal, { kind: 'approval', approvalId: approval.id, decision }];
    const resolved = this.event('approval.resolved', {
      approval_id: approval.id,
      decision: decision.decision,
      comment: decision.comment,
      decided_by: decision.decidedBy,
    });
    const change: ApprovalChange = {
      kind: 'resolved',
      id: approval.id,
      status: decision.decision,
      comment: decision.comment,
      decidedBy: decision.decidedBy,
      decidedAt: nowIso(),
    };
    if (thenStatus) await this.changeStatus(thenStatus, [resolved], {}, {}, change);
    else await this.record([resolved], {}, { approval: change });
  }

  async giveFeedback(command: FeedbackCommand): Promise<void> {
    const from = this.state.feedback;
    this.state.feedback = command.feedback;
    const updated = this.event('task.updated', { fields: { feedback: { from, to: command.feedback } }, by: command.by });
    await this.record([updated], { feedback: command.feedback });
  }

  /**
   * Ends the task. State changes only once the write has landed: if the database refuses it (say,
   * agent output it cannot store), the task is still open and can end `failed` instead.
   */
  async finish(status: Ending, patch: TaskPatch): Promise<void> {
    const now = nowIso();
    const error = patch.error && { code: patch.error.code, message: cleanText(patch.error.message) };
    const summary = error ? `${error.code}: ${error.message}` : patch.output ? summarizeOutput(patch.output) : status;
    const executions = this.closedExecutions(status, summary);
    const events: EventRecord[] = [];
    const open = this.state.pendingApproval;
    // A task that ends while it waits for a decision takes its open approval with it.
    const approval = open ? this.cancelledApproval(open, now) : undefined;
    if (approval) events.push(this.approvalResolvedEvent(approval));
    const from = this.state.status;
    events.push(this.event(`task.${status}`, { from, to: status, ...(error && { error }) }));
    await this.record(events, { ...patch, error, status, completedAt: now, executions }, { approval, discardArtifacts: status === 'cancelled' });

    this.state.error = error ?? null;
    this.state.executions = executions;
    this.state.pendingApproval = null;
    this.state.pendingQuestion = null;
    this.setStatus(status);
  }

  /** Resolves once every write issued so far has landed (before continuing as new). */
  async flushed(): Promise<void> {
    await this.writes;
  }

  private cancelledApproval(open: PendingApproval, at: string): Extract<ApprovalChange, { kind: 'resolved' }> {
    return { kind: 'resolved', id: open.id, status: 'cancelled', comment: null, decidedBy: null, decidedAt: at };
  }

  private approvalResolvedEvent(approval: Extract<ApprovalChange, { kind: 'resolved' }>): EventRecord {
    return this.event('approval.resolved', { approval_id: approval.id, decision: approval.status, comment: approval.comment, decided_by: approval.decidedBy });
  }

  private openExecution(): TaskPatch {
    const now = nowIso();
    const execution: Execution = { id: `exec_${newUlid()}`, status: 'running', started_at: now, completed_at: null, output_summary: null };
    this.state.executions = [...this.state.executions, execution];
    const firstStart = this.state.executions.length === 1;
    return { executions: this.state.executions, ...(firstStart && { startedAt: now }) };
  }

  private closeExecution(status: Execution['status'], summary: string): Execution[] {
    this.state.executions = this.closedExecutions(status, summary);
    return this.state.executions;
  }

  private closedExecutions(status: Execution['status'], summary: string): Execution[] {
    return closeRunningExecution(this.state.executions, status, summary, nowIso());
  }

  get currentExecutionId(): string {
    const current = this.state.executions.at(-1);
    if (!current || current.status !== 'running') throw new Error('No execution is running');
    return current.id;
  }

  private async changeStatus(
    status: TaskStatus,
    events: EventRecord[],
    patch: TaskPatch,
    detail: Record<string, unknown> = {},
    approval?: ApprovalChange,
  ): Promise<void> {
    const from = this.state.status;
    this.setStatus(status);
    const changed = this.event('task.status_changed', { from, to: status, ...detail });
    await this.record([...events, changed], { ...patch, status }, { approval });
  }

  private setStatus(status: TaskStatus): void {
    if (isTerminal(this.state.status)) {
      throw ApplicationFailure.nonRetryable(`Task already ${this.state.status}; cannot become ${status}`, 'internal_error');
    }
    this.state.status = status;
    const indexed = workflowInfo().typedSearchAttributes.get(TASK_STATUS) !== undefined;
    if (this.task.statusIndexing !== 'once_waiting' || indexed || WAITING_FOR_A_PERSON.includes(status)) {
      upsertSearchAttributes([{ key: TASK_STATUS, value: status }]);
    }
  }

  private event(type: EventType, data: Record<string, unknown>): EventRecord {
    return { id: `evt_${newUlid()}`, type, data: { task_id: this.task.taskId, ...data } };
  }

  private transition(events: EventRecord[], patch: TaskPatch, extra: TransitionExtras = {}): TransitionRecord {
    const { workflowId, runId } = workflowInfo();
    return { taskId: this.task.taskId, tenantId: this.task.tenantId, agent: this.task.agent, workflowId, runId, at: nowIso(), events, patch, ...extra };
  }

  // One write at a time, in the order issued, and never abandoned half-way by a cancellation: a
  // write still in flight could otherwise land after the `cancelled` one.
  private record(events: EventRecord[], patch: TaskPatch, extra: TransitionExtras = {}): Promise<void> {
    const transition = this.transition(events, patch, extra);
    const start = this.unwrittenStart;
    this.unwrittenStart = undefined;
    const write = this.writes.then(() =>
      CancellationScope.nonCancellable(async () => {
        if (start) await recordTransition(start);
        await recordTransition(transition);
      }),
    );
    this.writes = write.catch(() => undefined);
    return write.then(() => undefined);
  }
}

// Workflow time and the SDK's seeded Math.random make these values identical on replay.
const workflowNow = () => new Date(Date.now());
const nowIso = () => workflowNow().toISOString();
const newUlid = () => ulid(Date.now(), Math.random);
