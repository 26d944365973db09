import { z } from 'zod';

const DAY_MS = 24 * 60 * 60 * 1000;
const jsonSchema = z.record(z.string(), z.unknown()).meta({ description: 'A JSON Schema (draft 2020-12)' });

export const agentSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Expected 1 to 63 lowercase letters, digits and hyphens, starting with a letter or digit');
const taskTypeName = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, 'Expected 1 to 100 lowercase letters, digits, ".", "_" and "-"');
const artifactType = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, 'Expected 1 to 100 lowercase letters, digits, ".", "_" and "-"');

/** One task type of a registered agent, as `POST /v1/agents` takes it (and the row stores it). */
export const registeredTaskType = z.strictObject({
  description: z.string().min(1).max(2_000),
  /** JSON Schema (2020-12 or older drafts Ajv reads) that each task's `input` must match. */
  input_schema: jsonSchema,
  emits: z.array(artifactType).max(50).default([]),
  timeout_ms: z.int().min(1_000).max(30 * DAY_MS).default(60 * 60 * 1000),
  heartbeat_timeout_ms: z.int().min(1_000).max(DAY_MS).default(30_000),
  maximum_attempts: z.int().min(1).max(100).default(3),
  approval: z
    .strictObject({
      timeout_ms: z.int().min(1_000).max(365 * DAY_MS).default(7 * DAY_MS),
      on_timeout: z.enum(['fail', 'continue']).default('fail'),
    })
    .default({ timeout_ms: 7 * DAY_MS, on_timeout: 'fail' }),
});

const agentFields = {
  name: z.string().min(1).max(200),
  description: z.string().max(2_000).default(''),
  endpoint: z.string().max(2_000).pipe(z.url({ protocol: /^https?$/, error: 'Expected an absolute http or https URL' })),
  secret: z.string().min(16, 'Use a secret of at least 16 characters').max(256),
  task_types: z
    .record(taskTypeName, registeredTaskType)
    .refine((taskTypes) => Object.keys(taskTypes).length > 0, 'Declare at least one task type')
    .refine((taskTypes) => Object.keys(taskTypes).length <= 50, 'Declare at most 50 task types'),
  /** Used when a task names no task type; default: the first declared. */
  default_task_type: taskTypeName.optional(),
};

/** POST /v1/agents: register a remote agent. */
export const createAgentBody = z.strictObject({ slug: agentSlug, ...agentFields });
export type CreateAgentBody = z.output<typeof createAgentBody>;

/** PATCH /v1/agents/:slug: any of the registration's fields but the slug; `task_types` replaces them all. */
export const updateAgentBody = z
  .strictObject({
    name: agentFields.name.optional(),
    description: z.string().max(2_000).optional(),
    endpoint: agentFields.endpoint.optional(),
    secret: agentFields.secret.optional(),
    task_types: agentFields.task_types.optional(),
    default_task_type: agentFields.default_task_type,
  })
  .refine((body) => Object.keys(body).length > 0, 'Change at least one field');

/** An agent's manifest, as GET /v1/agents and GET /v1/agents/:slug answer it. */
const manifestFields = {
  slug: z.string(),
  aliases: z.array(z.string()),
  name: z.string(),
  description: z.string(),
  kind: z.enum(['built_in', 'registered']).meta({ description: '`registered`: a remote agent of this tenant (POST /v1/agents)' }),
  endpoint: z.string().optional().meta({ description: "A registered agent's endpoint" }),
  default_task_type: z.string(),
  skills: z.array(z.object({ name: z.string(), description: z.string(), input_schema: jsonSchema })),
  task_types: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      input_schema: jsonSchema,
      emits: z.array(z.string()),
      timeout_ms: z.int(),
      heartbeat_timeout_ms: z.int(),
      retry: z.object({ maximum_attempts: z.int() }),
      approval: z.object({ timeout_ms: z.int(), on_timeout: z.enum(['fail', 'continue']) }),
    }),
  ),
};
export const agentManifest = z.object(manifestFields).meta({ id: 'Agent' });
export type AgentManifest = z.infer<typeof agentManifest>;

/** A registered agent as its registration answers: the manifest, and the secret's last characters. */
export const registeredAgentResponse = z
  .object({
    ...manifestFields,
    secret_hint: z.string().meta({ description: "The secret's last characters" }),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'RegisteredAgent' });

export const listAgentsResponse = z.object({ agents: z.array(agentManifest) });

export const agentSlugParams = z.object({ slug: z.string().meta({ description: 'An agent slug or alias' }) });
