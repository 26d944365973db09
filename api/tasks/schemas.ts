import { z } from 'zod';

const agentName = z.string().min(1).max(100);
const emails = z.array(z.email()).max(100);

/**
 * POST /v1/tasks. Accepts both seed shapes: `agent_id` (Tasks & Artifacts), `agent` (Tasks API)
 * and `assistant` (AGNT) all name the agent; exactly one agent must be named.
 */
export const createTaskBody = z
  .strictObject({
    agent: agentName.optional(),
    agent_id: agentName.optional(),
    assistant: agentName.optional(),
    task_type: z.string().min(1).max(200),
    input: z.record(z.string(), z.unknown()).default({}),
    priority: z.enum(['low', 'normal', 'high']).default('normal'),
    session_id: z.string().min(1).max(200).optional(),
    title: z.string().max(500).optional(),
    description: z.string().max(20_000).optional(),
    type: z.string().max(100).optional(),
    skills: z.array(z.string().min(1).max(100)).max(100).default([]),
    owner_email: z.email().optional(),
    assigned_users: emails.default([]),
    followers: emails.default([]),
  })
  .transform((body, ctx) => {
    const named = [...new Set([body.agent, body.agent_id, body.assistant].filter((name) => name !== undefined))];
    if (named.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['agent'],
        message: named.length === 0 ? 'Required: name the agent with `agent` (or `agent_id`)' : 'Name one agent, not several',
      });
      return z.NEVER;
    }
    const { agent_id: _agentId, assistant: _assistant, ...rest } = body;
    return { ...rest, agent: named[0]! };
  });
export type CreateTaskBody = z.output<typeof createTaskBody>;

export const getTaskQuery = z.object({
  consistency: z.enum(['eventual', 'strong']).default('eventual'),
});

export const idempotencyKey = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');
