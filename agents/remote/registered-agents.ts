import type { Database } from '../../lib/db/client';
import type { RegisteredAgent } from '../../lib/generated/prisma/client';
import type { WebhookSecretBox } from '../../lib/webhooks/secret-box';
import type { RegisteredAgentSource } from '../registry';
import type { AgentDefinition, JsonObject, TaskTypeDefinition } from '../sdk';
import type { RemoteDispatch } from './dispatch';
import { jsonSchemaInput } from './json-schema-input';

/** A registered task type as stored (the shape `POST /v1/agents` takes). */
export interface RegisteredTaskType {
  description: string;
  input_schema: JsonObject;
  emits: string[];
  timeout_ms: number;
  heartbeat_timeout_ms: number;
  maximum_attempts: number;
  approval: { timeout_ms: number; on_timeout: 'fail' | 'continue' };
}

/**
 * The tenants' registered agents as agent definitions: their inputs validated against their JSON
 * Schema, their code a dispatch over HTTP. A definition is built once per version of its row.
 */
export class RegisteredAgents implements RegisteredAgentSource {
  private readonly built = new Map<string, { version: number; agent: AgentDefinition }>();

  /** `secrets` opens the agents' sealed secrets (the webhooks' box). */
  constructor(private readonly deps: { db: Database; dispatch: RemoteDispatch; secrets: WebhookSecretBox }) {}

  async find(tenantId: string, slug: string): Promise<AgentDefinition | undefined> {
    const row = await this.deps.db.registeredAgent.findUnique({ where: { tenantId_slug: { tenantId, slug } } });
    return row ? this.definition(row) : undefined;
  }

  async list(tenantId: string): Promise<AgentDefinition[]> {
    const rows = await this.deps.db.registeredAgent.findMany({ where: { tenantId }, orderBy: { slug: 'asc' } });
    return rows.map((row) => this.definition(row));
  }

  private definition(row: RegisteredAgent): AgentDefinition {
    const version = row.updatedAt.getTime();
    const cached = this.built.get(row.id);
    if (cached?.version === version) return cached.agent;
    const agent = registeredAgentDefinition(row, this.deps.dispatch, this.deps.secrets);
    this.built.set(row.id, { version, agent });
    return agent;
  }
}

function registeredAgentDefinition(row: RegisteredAgent, dispatch: RemoteDispatch, secrets: WebhookSecretBox): AgentDefinition {
  // Opened at each dispatch: a secret whose key is gone fails that dispatch, not every lookup.
  const endpoint = {
    slug: row.slug,
    url: row.endpoint,
    get secret() {
      return secrets.open(row.secret);
    },
  };
  const taskTypes = Object.entries(row.taskTypes as unknown as Record<string, RegisteredTaskType>).map(
    ([name, taskType]): [string, TaskTypeDefinition] => [
      name,
      {
        description: taskType.description,
        input: jsonSchemaInput(taskType.input_schema),
        inputJsonSchema: taskType.input_schema,
        emits: taskType.emits,
        timeoutMs: taskType.timeout_ms,
        heartbeatTimeoutMs: taskType.heartbeat_timeout_ms,
        maximumAttempts: taskType.maximum_attempts,
        approval: { timeoutMs: taskType.approval.timeout_ms, onTimeout: taskType.approval.on_timeout },
        run: (context, input) => dispatch(endpoint, name, context, input),
      },
    ],
  );
  return {
    slug: row.slug,
    aliases: [],
    name: row.name,
    description: row.description,
    endpoint: row.endpoint,
    defaultTaskType: row.defaultTaskType,
    taskTypes: Object.fromEntries(taskTypes),
  };
}

