import type { z } from 'zod';

export type JsonObject = { [key: string]: unknown };

/** What an agent's code gets to work with while it runs inside an activity. */
export interface AgentContext {
  taskId: string;
  tenantId: string;
  /** Aborted when the task is cancelled or stopped; agents pass it to their I/O. */
  signal: AbortSignal;
  /** Waits, heartbeating, and rejects as soon as the task is cancelled. */
  sleep(ms: number): Promise<void>;
  /** Tells Temporal the agent is alive; cancellation is delivered on heartbeats. */
  heartbeat(): void;
}

/** An artifact an agent produces; the workflow assigns its ID and records it. */
export interface ArtifactDraft {
  type: string;
  displayName: string;
  mimeType: string;
  data: JsonObject;
}

export interface AgentResult {
  output: JsonObject;
  artifacts: ArtifactDraft[];
}

export interface TaskTypeDefinition<Input extends JsonObject = JsonObject> {
  description: string;
  input: z.ZodType<Input>;
  /** Artifact types this task type may emit. */
  emits: string[];
  /** Wall-clock budget of one attempt. */
  timeoutMs: number;
  /** Attempts before a retryable error fails the task. */
  maximumAttempts: number;
  run(context: AgentContext, input: Input): Promise<AgentResult>;
}

export interface AgentDefinition {
  slug: string;
  /** Other names that resolve to this agent (e.g. `ai-readiness-agent`). */
  aliases: string[];
  name: string;
  description: string;
  taskTypes: Record<string, TaskTypeDefinition>;
}

/** Keeps each task type's input type tied to its schema while the agent stays one object. */
export function defineTaskType<Input extends JsonObject>(definition: TaskTypeDefinition<Input>): TaskTypeDefinition {
  return definition as unknown as TaskTypeDefinition;
}

/**
 * An agent's way to fail a task with a machine-readable code (`error.code` on the task).
 * Non-retryable unless said otherwise: most agent failures do not heal by trying again.
 */
export class AgentError extends Error {
  override name = 'AgentError';
  constructor(
    readonly code: string,
    message: string,
    readonly options: { retryable?: boolean } = {},
  ) {
    super(message);
  }
}
