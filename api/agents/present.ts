import { z } from 'zod';
import { type AgentDefinition, DEFAULT_APPROVAL_POLICY } from '../../agents/sdk';
import { DEFAULT_HEARTBEAT_TIMEOUT_MS } from '../../workflows/model';
import type { AgentManifest } from './schemas';

/** An agent's published manifest: its task types with their input as JSON Schema. */
export function presentAgent(agent: AgentDefinition): AgentManifest {
  return {
    slug: agent.slug,
    aliases: agent.aliases,
    name: agent.name,
    description: agent.description,
    kind: agent.endpoint === undefined ? 'built_in' : 'registered',
    ...(agent.endpoint !== undefined && { endpoint: agent.endpoint }),
    default_task_type: agent.defaultTaskType,
    skills: Object.entries(agent.tools ?? {}).map(([name, tool]) => ({
      name,
      description: tool.description,
      input_schema: z.toJSONSchema(tool.input, { io: 'input' }) as Record<string, unknown>,
    })),
    task_types: Object.entries(agent.taskTypes).map(([name, taskType]) => ({
      name,
      description: taskType.description,
      input_schema: taskType.inputJsonSchema ?? (z.toJSONSchema(taskType.input, { io: 'input' }) as Record<string, unknown>),
      emits: taskType.emits,
      timeout_ms: taskType.timeoutMs,
      heartbeat_timeout_ms: taskType.heartbeatTimeoutMs ?? DEFAULT_HEARTBEAT_TIMEOUT_MS,
      retry: { maximum_attempts: taskType.maximumAttempts },
      approval: {
        timeout_ms: (taskType.approval ?? DEFAULT_APPROVAL_POLICY).timeoutMs,
        on_timeout: (taskType.approval ?? DEFAULT_APPROVAL_POLICY).onTimeout,
      },
    })),
  };
}
