import { z } from 'zod';
import { TASK_STATUSES, type TaskStatus } from '../../workflows/model';

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

// Seed spellings accepted on input; responses always use the canonical names.
const STATUS_ALIASES: Record<string, TaskStatus> = { in_progress: 'running', completed: 'complete' };
const statusFilter = z
  .string()
  .transform((value) => STATUS_ALIASES[value] ?? value)
  .pipe(z.enum(TASK_STATUSES, { error: `Expected one of ${[...TASK_STATUSES, ...Object.keys(STATUS_ALIASES)].join(', ')}` }));
const pageSize = z.coerce.number().int().min(1).max(100);

/** GET /v1/tasks: filters, and either `cursor`+`limit` or `page`+`per_page` (AGNT's `perPage` too). */
export const listTasksQuery = z
  .object({
    agent: z.string().min(1).max(100).optional(),
    status: statusFilter.optional(),
    type: z.string().min(1).max(100).optional(),
    session_id: z.string().min(1).max(200).optional(),
    limit: pageSize.optional(),
    cursor: z.string().min(1).max(500).optional(),
    page: z.coerce.number().int().min(1).max(100_000).optional(),
    per_page: pageSize.optional(),
    perPage: pageSize.optional(),
  })
  .superRefine((query, ctx) => {
    const paged = query.page !== undefined || query.per_page !== undefined || query.perPage !== undefined;
    if (paged && (query.cursor !== undefined || query.limit !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['page'], message: 'Use either cursor and limit, or page and per_page, not both' });
    }
  })
  .transform(({ perPage, per_page, ...query }) => ({ ...query, per_page: per_page ?? perPage }));
