import {
  ApplicationFailure,
  type Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcServiceError,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { TaskSnapshot, TaskStatus } from '../../workflows/model';
import { ILLEGAL_TRANSITION, isTerminal } from '../../workflows/model';
import { HttpProblem } from '../problem';
import { temporalUnavailable } from '../temporal-errors';

// A command needs a worker to answer; without one, answer 503 instead of hanging.
const COMMAND_TIMEOUT_MS = 10_000;
const GRPC_NOT_FOUND = 5;
const GRPC_DEADLINE_EXCEEDED = 4;

export interface CommandTarget {
  id: string;
  status: string;
}

/** Starts the task's workflow if its start is still pending in the outbox. */
export type StartIfPending = (taskId: string) => Promise<void>;

export const isWorkflowNotFound = (error: unknown) =>
  error instanceof WorkflowNotFoundError || (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND);

/**
 * Runs `call` against a task's workflow. A task created a moment ago may not have one yet: then
 * its pending start is carried out here (or a starter finished it meanwhile) and `call` runs once
 * more; a workflow that truly is not there answers the same way again.
 */
export async function onTaskWorkflow<T>(taskId: string, startIfPending: StartIfPending | undefined, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!startIfPending || !isWorkflowNotFound(error)) throw error;
    await startIfPending(taskId);
    return call();
  }
}

export function illegalTransition(task: CommandTarget, action: string, status = task.status): HttpProblem {
  return new HttpProblem(409, 'illegal_transition', `Cannot ${action} task ${task.id}: it is ${status}.`, { task_id: task.id, current_status: status });
}

/**
 * Sends a command (a workflow update) to a task's workflow and waits for its answer. The
 * workflow's validator refuses illegal commands; that, and a workflow that has already ended,
 * become a 409 with the current status (`currentStatus` re-reads it).
 */
export async function sendTaskCommand<Args extends unknown[]>(
  temporal: Client,
  task: CommandTarget,
  action: string,
  update: UpdateDefinition<TaskSnapshot, Args>,
  args: Args,
  currentStatus: () => Promise<string>,
  startIfPending?: StartIfPending,
): Promise<TaskSnapshot> {
  if (isTerminal(task.status as TaskStatus)) throw illegalTransition(task, action);
  // The SDK's overloads cannot take generic arguments; the definition keeps the call typed.
  const execute = (name: string, options: { args: unknown[] }) =>
    temporal.workflow.getHandle(task.id).executeUpdate<TaskSnapshot, [unknown]>(name, options as { args: [unknown] });
  const send = () => temporal.connection.withDeadline(Date.now() + COMMAND_TIMEOUT_MS, () => execute(update.name, { args }));
  try {
    return await onTaskWorkflow(task.id, startIfPending, send);
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const failure = error.cause;
      if (failure.type === ILLEGAL_TRANSITION) {
        const [details] = failure.details as [{ status: string }] | undefined[];
        throw illegalTransition(task, action, details?.status ?? (await currentStatus()));
      }
      throw new HttpProblem(409, failure.type ?? 'command_refused', failure.message, { task_id: task.id, current_status: await currentStatus() });
    }
    // The workflow ended between our read and the command.
    if (isWorkflowNotFound(error)) {
      throw illegalTransition(task, action, await currentStatus());
    }
    if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || (isGrpcServiceError(error) && error.code === GRPC_DEADLINE_EXCEEDED)) {
      // Temporal may still hold the command and apply it when a worker comes back.
      throw new HttpProblem(
        503,
        'workflow_unavailable',
        `No worker answered the ${action} command in time; it may still take effect when one does. Read the task before retrying.`,
        {},
        { 'Retry-After': '5' },
      );
    }
    throw temporalUnavailable(error, `The ${action} command was not delivered`);
  }
}
