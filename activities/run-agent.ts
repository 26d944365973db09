import { ApplicationFailure, Context } from '@temporalio/activity';
import type { AgentRegistry } from '../agents/registry';
import { type AgentContext, AgentError, type AgentResult } from '../agents/sdk';

export interface RunAgentInput {
  taskId: string;
  tenantId: string;
  agent: string;
  taskType: string;
  input: Record<string, unknown>;
  executionId: string;
}

// Heartbeats are what carry cancellation to a running activity, so sleeps are cut into slices.
const HEARTBEAT_SLICE_MS = 500;

/** Runs one execution of a task's agent code, heartbeating so cancellation reaches it. */
export function createRunAgent(agents: AgentRegistry) {
  return async function runAgent(request: RunAgentInput): Promise<AgentResult> {
    const taskType = agents.get(request.agent)?.taskTypes[request.taskType];
    if (!taskType) {
      throw ApplicationFailure.nonRetryable(`Agent ${request.agent} has no task type ${request.taskType}`, 'unknown_task_type');
    }
    const activity = Context.current();
    const context: AgentContext = {
      taskId: request.taskId,
      tenantId: request.tenantId,
      signal: activity.cancellationSignal,
      heartbeat: () => activity.heartbeat(),
      async sleep(ms) {
        for (let remaining = ms; remaining > 0; remaining -= HEARTBEAT_SLICE_MS) {
          activity.heartbeat();
          await activity.sleep(Math.min(remaining, HEARTBEAT_SLICE_MS));
        }
      },
    };
    const parsed = taskType.input.safeParse(request.input);
    if (!parsed.success) {
      throw ApplicationFailure.nonRetryable(`Input no longer matches the agent's schema: ${parsed.error.message}`, 'invalid_input');
    }
    try {
      return await taskType.run(context, parsed.data);
    } catch (error) {
      if (error instanceof AgentError) {
        throw ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: !error.options.retryable });
      }
      throw error;
    }
  };
}
