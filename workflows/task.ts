import {
  ActivityCancellationType,
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  CancelledFailure,
  TimeoutFailure,
  isCancellation,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { ulid } from '../lib/ulid';
import { taskStateQuery } from './definitions';
import { TASK_STATUS } from './search-attributes';
import {
  type ArtifactRecord,
  type EventRecord,
  type EventType,
  type Execution,
  type TaskError,
  type TaskPatch,
  type TaskSnapshot,
  type TaskStatus,
  type TaskWorkflowInput,
} from './model';

// Bookkeeping writes must land: retry them until the database is back.
const { recordTransition } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 ms', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

/** A task: run its agent, record every state change, honour cancellation. */
export async function taskWorkflow(task: TaskWorkflowInput): Promise<TaskSnapshot> {
  const journal = new TaskJournal(task);
  setHandler(taskStateQuery, () => journal.snapshot());

  const { runAgent } = proxyActivities<Activities>({
    startToCloseTimeout: task.execution.timeoutMs,
    heartbeatTimeout: '30 seconds',
    // Wait for the agent to stop before recording `cancelled`, so nothing lands afterwards.
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    retry: { maximumAttempts: task.execution.maximumAttempts },
  });

  try {
    const executionId = await journal.startExecution();
    const result = await runAgent({
      taskId: task.taskId,
      tenantId: task.tenantId,
      agent: task.agent,
      taskType: task.taskType,
      input: task.input,
      executionId,
    });
    throwIfCancelled();
    await journal.emitArtifacts(result.artifacts);
    throwIfCancelled();
    await journal.finish('complete', { output: result.output, progress: 1 });
    return journal.snapshot();
  } catch (error) {
    if (isCancellation(error)) {
      await journal.finish('cancelled', {}, { discardArtifacts: true });
      throw error;
    }
    const failure = describeFailure(error);
    await journal.finish('failed', { error: failure });
    throw ApplicationFailure.nonRetryable(failure.message, failure.code);
  }
}

/** Holds the task's state inside the workflow and writes each change through recordTransition. */
class TaskJournal {
  private status: TaskStatus = 'queued';
  private nextSeq: number;
  private executions: Execution[] = [];
  private error: TaskError | null = null;

  constructor(private readonly task: TaskWorkflowInput) {
    this.nextSeq = task.nextSeq;
  }

  snapshot(): TaskSnapshot {
    return { taskId: this.task.taskId, status: this.status, seq: this.nextSeq - 1, executions: this.executions, error: this.error };
  }

  async startExecution(): Promise<string> {
    const now = new Date().toISOString();
    const execution: Execution = { id: `exec_${newUlid()}`, status: 'running', started_at: now, completed_at: null, output_summary: null };
    this.executions = [...this.executions, execution];
    await this.changeStatus('running', { startedAt: now, executions: this.executions });
    return execution.id;
  }

  async emitArtifacts(drafts: Omit<ArtifactRecord, 'id'>[]): Promise<void> {
    if (drafts.length === 0) return;
    const artifacts = drafts.map((draft) => ({ ...draft, id: `art_${newUlid()}` }));
    const events = artifacts.map((artifact) =>
      this.event('artifact.emitted', { artifact_id: artifact.id, type: artifact.type }),
    );
    await this.record(events, {}, { artifacts });
  }

  async finish(
    status: 'complete' | 'failed' | 'cancelled',
    patch: TaskPatch,
    options: { discardArtifacts?: boolean } = {},
  ): Promise<void> {
    const now = new Date().toISOString();
    this.error = patch.error ?? null;
    this.executions = this.executions.map((execution) =>
      execution.status === 'running'
        ? { ...execution, status, completed_at: now, output_summary: summarize(status, patch) }
        : execution,
    );
    const from = this.status;
    this.setStatus(status);
    const terminalEvent = this.event(`task.${status}`, {
      from,
      to: status,
      ...(patch.error ? { error: patch.error } : {}),
    });
    await this.record([terminalEvent], { ...patch, status, completedAt: now, executions: this.executions }, options);
  }

  private async changeStatus(status: TaskStatus, patch: TaskPatch): Promise<void> {
    const from = this.status;
    this.setStatus(status);
    await this.record([this.event('task.status_changed', { from, to: status })], { ...patch, status });
  }

  private setStatus(status: TaskStatus): void {
    this.status = status;
    upsertSearchAttributes([{ key: TASK_STATUS, value: status }]);
  }

  private event(type: EventType, data: Record<string, unknown>): EventRecord {
    return { id: `evt_${newUlid()}`, type, data: { task_id: this.task.taskId, ...data } };
  }

  // Never abandoned half-way by a cancellation: a write that is still in flight could otherwise
  // land after the `cancelled` one and roll the projection back.
  private async record(
    events: EventRecord[],
    patch: TaskPatch,
    extra: { artifacts?: ArtifactRecord[]; discardArtifacts?: boolean } = {},
  ): Promise<void> {
    const seq = this.nextSeq;
    this.nextSeq += events.length;
    const { workflowId, runId } = workflowInfo();
    await CancellationScope.nonCancellable(() =>
      recordTransition({
        taskId: this.task.taskId,
        tenantId: this.task.tenantId,
        agent: this.task.agent,
        workflowId,
        runId,
        seq,
        at: new Date().toISOString(),
        events,
        patch,
        ...extra,
      }),
    );
  }
}

// Bookkeeping writes are non-cancellable, so a cancel that arrives during one is only seen at the
// next cancellable step; checking here lets a cancel accepted while the task ran win.
function throwIfCancelled(): void {
  if (CancellationScope.current().consideredCancelled) throw new CancelledFailure('Task cancelled');
}

// Workflow time and the SDK's seeded Math.random make these IDs identical on replay.
const newUlid = () => ulid(Date.now(), Math.random);

function summarize(status: TaskStatus, patch: TaskPatch): string {
  return patch.error ? `${patch.error.code}: ${patch.error.message}` : status;
}

function describeFailure(error: unknown): TaskError {
  if (error instanceof ActivityFailure) {
    const cause = error.cause;
    if (cause instanceof TimeoutFailure) {
      return { code: 'timeout', message: 'The agent did not finish within its time limit.' };
    }
    if (cause instanceof ApplicationFailure) {
      return { code: cause.type ?? 'agent_error', message: cause.message };
    }
    return { code: 'agent_error', message: cause?.message ?? error.message };
  }
  return { code: 'internal_error', message: error instanceof Error ? error.message : String(error) };
}
