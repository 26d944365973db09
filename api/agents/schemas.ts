import { z } from 'zod';

const jsonSchema = z.record(z.string(), z.unknown()).meta({ description: 'A JSON Schema (draft 2020-12)' });

/** An agent's published manifest. */
export const agentManifest = z
  .object({
    slug: z.string(),
    aliases: z.array(z.string()),
    name: z.string(),
    description: z.string(),
    default_task_type: z.string(),
    skills: z.array(z.object({ name: z.string(), description: z.string(), input_schema: jsonSchema })),
    task_types: z.array(
      z.object({
        name: z.string(),
        description: z.string(),
        input_schema: jsonSchema,
        emits: z.array(z.string()),
        timeout_ms: z.int(),
        retry: z.object({ maximum_attempts: z.int() }),
        approval: z.object({ timeout_ms: z.int(), on_timeout: z.enum(['fail', 'continue']) }),
      }),
    ),
  })
  .meta({ id: 'Agent' });

export const agentSlugParams = z.object({ slug: z.string().meta({ description: 'An agent slug or alias' }) });
