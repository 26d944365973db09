import { type Client, WorkflowIdReusePolicy } from '@temporalio/client';
import type { AgentRegistry } from '../../agents/registry';
import { DEFAULT_APPROVAL_POLICY } from '../../agents/sdk';
import type { Priority, TaskWorkflowInput } from '../../workflows/model';
import { TASK_AGENT, TASK_STATUS, TASK_TENANT, TASK_TYPE } from '../../workflows/search-attributes';
import type { taskWorkflow } from '../../workflows/task';
import type { Config } from '../config';
import type { Task } from '../generated/prisma/client';

// Temporal priority keys: lower runs first.
const PRIORITY_KEYS: Record<Priority, number> = { high: 1, normal: 3, low: 5 };
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Starts the workflow of a created task (workflow ID = task ID) from its row and manifest. A
 * workflow that already ran under this ID, even one that has closed, refuses a second start
 * (WorkflowExecutionAlreadyStartedError): a task runs once, however often its start is retried.
 */
export async function startTaskWorkflow(
  { temporal, agents, config }: { temporal: Client; agents: AgentRegistry; config: Pick<Config, 'TASK_QUEUE'> },
  task: Task,
  tenant: { draftExpiryDays: number },
): Promise<void> {
  const taskType = (await agents.find(task.tenantId, task.agent))?.taskTypes[task.taskType];
  if (!taskType) throw new Error(`Task ${task.id} names an agent task type this server does not have: ${task.agent}/${task.taskType}`);
  const priority = task.priority as Priority;
  const workflowInput: TaskWorkflowInput = {
    taskId: task.id,
    tenantId: task.tenantId,
    agent: task.agent,
    taskType: task.taskType,
    input: task.input as Record<string, unknown>,
    priority,
    deferred: task.status === 'pending',
    execution: {
      timeoutMs: taskType.timeoutMs,
      maximumAttempts: taskType.maximumAttempts,
      ...(taskType.heartbeatTimeoutMs !== undefined && { heartbeatTimeoutMs: taskType.heartbeatTimeoutMs }),
    },
    approval: taskType.approval ?? DEFAULT_APPROVAL_POLICY,
    statusIndexing: 'once_waiting',
    draftExpiryMs: tenant.draftExpiryDays * DAY_MS,
  };
  await temporal.workflow.start<typeof taskWorkflow>('taskWorkflow', {
    taskQueue: config.TASK_QUEUE,
    workflowId: task.id,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    args: [workflowInput],
    // Activities inherit it: a high-priority task's work is dispatched before queued low work.
    priority: { priorityKey: PRIORITY_KEYS[priority] },
    typedSearchAttributes: [
      { key: TASK_TENANT, value: task.tenantId },
      { key: TASK_AGENT, value: task.agent },
      { key: TASK_TYPE, value: task.taskType },
      // TaskwrightStatus only for a task that starts waiting for a person (`pending`); the
      // workflow indexes the others' status once they wait (workflows/task-log.ts).
      ...(task.status === 'pending' ? [{ key: TASK_STATUS, value: task.status }] : []),
    ],
  });
}
