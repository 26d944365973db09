import {
  ActivityCancellationType,
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  CancelledFailure,
  ContinueAsNew,
  TimeoutFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  isCancellation,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { decideUpdate, feedbackUpdate, processUpdate, stopUpdate, taskStateQuery } from './definitions';
import {
  type AgentOutcome,
  type ApprovalDecision,
  type JournalEntry,
  type TaskError,
  type TaskSnapshot,
  type TaskWorkflowInput,
  DEFAULT_HEARTBEAT_TIMEOUT_MS,
  OPEN_STATUSES,
  isTerminal,
} from './model';
import { TaskLog } from './task-log';

const DEFAULT_HISTORY_LIMIT = 2_000;

// Patch IDs: each names a change of the workflow's commands that runs recorded before it must not
// take (see README, "Workflow versioning").
const STOP_WITHDRAWS_APPROVAL = 'stop-withdraws-approval';
const ENDS_AFTER_HANDLERS = 'ends-after-handlers';

/**
 * A task: run its agent until it finishes, pausing where the agent asks for an approval or a
 * clarification and where a person stops it; record every state change; honour cancellation.
 */
export async function taskWorkflow(task: TaskWorkflowInput): Promise<TaskSnapshot> {
  const log = new TaskLog(task);
  let stopRequested = false;
  let segment: CancellationScope | undefined;
  let decision: ApprovalDecision | undefined;

  setHandler(taskStateQuery, () => log.snapshot());
  setHandler(
    processUpdate,
    async (command) => {
      await log.process(command);
      return log.snapshot();
    },
    { validator: (_command) => log.assertStatus('process', ['pending', 'on_hold', 'needs_clarification']) },
  );
  setHandler(
    stopUpdate,
    async () => {
      stopRequested = true;
      segment?.cancel();
      await condition(() => log.status === 'on_hold' || isTerminal(log.status));
      await log.flushed();
      return log.snapshot();
    },
    { validator: () => log.assertStatus('stop', ['queued', 'running']) },
  );
  setHandler(
    decideUpdate,
    async (command) => {
      decision = { decision: command.decision, comment: command.comment ?? null, decidedBy: command.decidedBy };
      await condition(() => log.state.pendingApproval?.id !== command.approvalId);
      await log.flushed();
      return log.snapshot();
    },
    {
      // By the open approval, not the status: the approval is open (and listed) a moment before
      // the status says `awaiting_approval`.
      validator: (command) => {
        if (!log.state.pendingApproval) log.assertStatus(command.decision === 'approved' ? 'approve' : 'deny', ['awaiting_approval']);
        if (log.state.pendingApproval?.id !== command.approvalId || decision) {
          throw ApplicationFailure.nonRetryable(`Approval ${command.approvalId} is not pending`, 'approval_not_pending');
        }
      },
    },
  );
  setHandler(
    feedbackUpdate,
    async (command) => {
      await log.giveFeedback(command);
      return log.snapshot();
    },
    // A finished task's workflow is closed; the API records feedback on it directly.
    { validator: (_command) => log.assertStatus('give feedback on', OPEN_STATUSES) },
  );

  // Bounded: a failing effect must not keep the task (uncancellable while it runs) open forever.
  const { applyArtifactEffect } = proxyActivities<Activities>({
    startToCloseTimeout: '5 minutes',
    scheduleToCloseTimeout: '1 day',
    retry: { initialInterval: '1 second', maximumInterval: '1 hour', backoffCoefficient: 2 },
  });
  const { runAgent } = proxyActivities<Activities>({
    startToCloseTimeout: task.execution.timeoutMs,
    // Absent in tasks started before task types could set it: those keep the 30 s they had.
    heartbeatTimeout: task.execution.heartbeatTimeoutMs ?? DEFAULT_HEARTBEAT_TIMEOUT_MS,
    // Wait for the agent to stop before recording `cancelled` or `on_hold`, so nothing lands after.
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    retry: { maximumAttempts: task.execution.maximumAttempts },
  });

  /** The agent's code up to its next suspension point, or `stopped` if `stop` halted it. */
  async function runSegment(): Promise<AgentOutcome | 'stopped'> {
    const { workflowId, runId } = workflowInfo();
    segment = new CancellationScope();
    try {
      return await segment.run(() =>
        runAgent({
          taskId: task.taskId,
          tenantId: task.tenantId,
          agent: task.agent,
          taskType: task.taskType,
          input: task.input,
          executionId: log.currentExecutionId,
          messages: log.state.messages,
          journal: log.state.journal,
          start: log.startToWrite,
          completion: { workflowId, runId, executions: log.state.executions },
        }),
      );
    } catch (error) {
      // Only this segment was cancelled, not the task: that is a stop.
      if (isCancellation(error) && stopRequested && !CancellationScope.current().consideredCancelled) return 'stopped';
      throw error;
    } finally {
      segment = undefined;
    }
  }

  async function awaitApproval(outcome: Extract<AgentOutcome, { kind: 'approval' }>): Promise<void> {
    // A gated artifact not acted on expires after the tenant's draft expiry.
    const timeoutMs = outcome.request.timeoutMs ?? (outcome.effect ? (task.draftExpiryMs ?? task.approval.timeoutMs) : task.approval.timeoutMs);
    await log.requestApproval(outcome.request, timeoutMs);
    // A stop accepted while the request was being recorded (the task was still `running`) holds
    // the task now, withdrawing the approval, instead of once somebody decides it.
    const stopWithdraws = patched(STOP_WITHDRAWS_APPROVAL);
    const answered = await condition(() => decision !== undefined || (stopWithdraws && stopRequested), timeoutMs);
    if (stopWithdraws && stopRequested && decision === undefined) return;
    const resolved: ApprovalDecision = answered && decision ? decision : { decision: 'expired', comment: null, decidedBy: null };
    decision = undefined;
    if (resolved.decision === 'expired' && task.approval.onTimeout === 'fail') {
      await log.resolveApproval(resolved, null);
      throw ApplicationFailure.nonRetryable(`Approval "${outcome.request.title}" expired without a decision.`, 'approval_expired');
    }
    await log.resolveApproval(resolved, 'running');
    // Approved: the gated artifact takes effect, even if the task is cancelled meanwhile.
    if (outcome.effect && resolved.decision === 'approved') {
      const effect = outcome.effect;
      try {
        await CancellationScope.nonCancellable(() => applyArtifactEffect(effect));
      } catch (error) {
        const reason = error instanceof ActivityFailure ? (error.cause?.message ?? error.message) : String(error);
        throw ApplicationFailure.nonRetryable(`The approved ${effect.artifactId} could not take effect: ${reason}`, 'artifact_effect_failed');
      }
    }
  }

  async function continueAsNewIfLong(): Promise<void> {
    const info = workflowInfo();
    if (!info.continueAsNewSuggested && info.historyLength < (task.historyLimit ?? DEFAULT_HISTORY_LIMIT)) return;
    await condition(allHandlersFinished);
    await log.flushed();
    await continueAsNew<typeof taskWorkflow>({ ...task, carried: log.state });
  }

  try {
    return await runTask();
  } finally {
    // An update accepted just before the task ended (feedback, say) is answered and its write
    // lands before the run closes; the server would otherwise fail it unfinished.
    if (!allHandlersFinished() && patched(ENDS_AFTER_HANDLERS)) await CancellationScope.nonCancellable(() => condition(allHandlersFinished));
  }

  async function runTask(): Promise<TaskSnapshot> {
    try {
      for (;;) {
        // Every stop takes effect here, before anything waits: one that halted the agent, and one
        // that arrived while no agent code ran.
        if (stopRequested) {
          stopRequested = false;
          await log.hold();
        }
        await continueAsNewIfLong();
        // pending, on_hold and needs_clarification wait for `process`, which starts an execution.
        await condition(() => log.status === 'queued' || log.status === 'running');
        if (log.status === 'queued') log.startExecution();
        if (stopRequested) continue;
        // The agent's progress is recorded only while the task is `running` in the database.
        await log.flushed();

        const outcome = await runSegment();
        if (outcome === 'stopped') continue;
        log.startWritten();
        // Recorded by the activity: the task is complete, whatever arrived meanwhile.
        if (outcome.kind === 'complete' && outcome.recorded) {
          log.adoptCompletion(outcome.artifacts, outcome.recorded.executions);
          return log.snapshot();
        }
        await log.recordArtifacts(outcome.artifacts);
        throwIfCancelled();
        if (outcome.kind === 'complete') {
          await log.finish('complete', { output: outcome.output, progress: 1 });
          return log.snapshot();
        }
        if (outcome.kind === 'step') {
          // The result stays in the database (runs recorded before carried it in the outcome).
          const legacy = outcome as { result?: unknown; resultId?: string };
          const entry: JournalEntry =
            legacy.resultId === undefined ? { kind: 'step', name: outcome.name, result: legacy.result } : { kind: 'step', name: outcome.name, resultId: legacy.resultId };
          log.state.journal = [...log.state.journal, entry];
        }
        // Stopped while the outcome was recorded: hold now. An unanswered approval or question is
        // not journaled, so the agent asks again when the task resumes.
        if (stopRequested) continue;
        if (outcome.kind === 'approval') await awaitApproval(outcome);
        if (outcome.kind === 'clarification') await log.askClarification(outcome.question);
      }
    } catch (error) {
      if (error instanceof ContinueAsNew) throw error;
      if (isCancellation(error)) {
        await log.finish('cancelled', {});
        throw error;
      }
      const failure = describeFailure(error);
      await log.finish('failed', { error: failure });
      throw ApplicationFailure.nonRetryable(failure.message, failure.code);
    }
  }
}

// Bookkeeping writes are non-cancellable, so a cancel that arrives during one is only seen at the
// next cancellable step; checking here lets a cancel accepted while the task ran win.
function throwIfCancelled(): void {
  if (CancellationScope.current().consideredCancelled) throw new CancelledFailure('Task cancelled');
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
  if (error instanceof ApplicationFailure) return { code: error.type ?? 'internal_error', message: error.message };
  return { code: 'internal_error', message: error instanceof Error ? error.message : String(error) };
}
