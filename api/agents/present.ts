import { z } from 'zod';
import type { AgentDefinition } from '../../agents/sdk';

/** An agent's published manifest: its task types with their input as JSON Schema. */
export function presentAgent(agent: AgentDefinition) {
  return {
    slug: agent.slug,
    aliases: agent.aliases,
    name: agent.name,
    description: agent.description,
    task_types: Object.entries(agent.taskTypes).map(([name, taskType]) => ({
      name,
      description: taskType.description,
      input_schema: z.toJSONSchema(taskType.input, { io: 'input' }),
      emits: taskType.emits,
      timeout_ms: taskType.timeoutMs,
      retry: { maximum_attempts: taskType.maximumAttempts },
    })),
  };
}
