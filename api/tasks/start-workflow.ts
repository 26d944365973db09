import type { Client } from '@temporalio/client';
import type { AgentRegistry } from '../../agents/registry';
import { DEFAULT_APPROVAL_POLICY } from '../../agents/sdk';
import type { Config } from '../../lib/config';
import type { Database } from '../../lib/db/client';
import type { Priority, TaskWorkflowInput } from '../../workflows/model';
import { TASK_AGENT, TASK_STATUS, TASK_TENANT, TASK_TYPE } from '../../workflows/search-attributes';
import type { taskWorkflow } from '../../workflows/task';
import type { TaskRow } from './present';

// Temporal priority keys: lower runs first.
const PRIORITY_KEYS: Record<Priority, number> = { high: 1, normal: 3, low: 5 };
const DAY_MS = 24 * 60 * 60 * 1000;

/** Starts the workflow of a freshly created task (workflow ID = task ID) from its row and manifest. */
export async function startTaskWorkflow(
  { db, temporal, agents, config }: { db: Database; temporal: Client; agents: AgentRegistry; config: Pick<Config, 'TASK_QUEUE'> },
  task: TaskRow,
): Promise<void> {
  const taskType = agents.get(task.agent)?.taskTypes[task.taskType];
  if (!taskType) throw new Error(`Task ${task.id} names an agent task type this server does not have: ${task.agent}/${task.taskType}`);
  const priority = task.priority as Priority;
  const { draftExpiryDays } = await db.tenant.findUniqueOrThrow({ where: { id: task.tenantId }, select: { draftExpiryDays: true } });
  const workflowInput: TaskWorkflowInput = {
    taskId: task.id,
    tenantId: task.tenantId,
    agent: task.agent,
    taskType: task.taskType,
    input: task.input as Record<string, unknown>,
    priority,
    deferred: task.status === 'pending',
    execution: { timeoutMs: taskType.timeoutMs, maximumAttempts: taskType.maximumAttempts },
    approval: taskType.approval ?? DEFAULT_APPROVAL_POLICY,
    draftExpiryMs: draftExpiryDays * DAY_MS,
  };
  await temporal.workflow.start<typeof taskWorkflow>('taskWorkflow', {
    taskQueue: config.TASK_QUEUE,
    workflowId: task.id,
    args: [workflowInput],
    // Activities inherit it: a high-priority task's work is dispatched before queued low work.
    priority: { priorityKey: PRIORITY_KEYS[priority] },
    typedSearchAttributes: [
      { key: TASK_TENANT, value: task.tenantId },
      { key: TASK_AGENT, value: task.agent },
      { key: TASK_TYPE, value: task.taskType },
      { key: TASK_STATUS, value: task.status },
    ],
  });
}
