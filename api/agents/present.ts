import { z } from 'zod';
import { type AgentDefinition, DEFAULT_APPROVAL_POLICY } from '../../agents/sdk';

/** An agent's published manifest: its task types with their input as JSON Schema. */
export function presentAgent(agent: AgentDefinition) {
  return {
    slug: agent.slug,
    aliases: agent.aliases,
    name: agent.name,
    description: agent.description,
    default_task_type: agent.defaultTaskType,
    skills: Object.entries(agent.tools ?? {}).map(([name, tool]) => ({
      name,
      description: tool.description,
      input_schema: z.toJSONSchema(tool.input, { io: 'input' }),
    })),
    task_types: Object.entries(agent.taskTypes).map(([name, taskType]) => ({
      name,
      description: taskType.description,
      input_schema: z.toJSONSchema(taskType.input, { io: 'input' }),
      emits: taskType.emits,
      timeout_ms: taskType.timeoutMs,
      retry: { maximum_attempts: taskType.maximumAttempts },
      approval: {
        timeout_ms: (taskType.approval ?? DEFAULT_APPROVAL_POLICY).timeoutMs,
        on_timeout: (taskType.approval ?? DEFAULT_APPROVAL_POLICY).onTimeout,
      },
    })),
  };
}
