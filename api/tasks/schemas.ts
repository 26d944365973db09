import { z } from 'zod';
import { FILE_ID_PATTERN } from '../../lib/ids';
import { TASK_STATUSES, type TaskStatus } from '../../workflows/model';

const agentName = z.string().min(1).max(100);
const emails = z.array(z.email()).max(100);

const title = z.string().max(500);
const description = z.string().max(20_000);
const category = z.string().max(100);
const skills = z.array(z.string().min(1).max(100)).max(100);

/**
 * POST /v1/tasks. Accepts every seed shape: `agent_id` (Tasks & Artifacts), `agent` (Tasks API)
 * and `assistant` (AGNT) all name the agent, and exactly one must. AGNT's camelCase
 * `assignedUsers` and `ownerEmail` are accepted too. An AGNT-shaped create (`assistant`) is
 * deferred unless `defer` says otherwise, because AGNT creates first and then calls `process`.
 */
export const createTaskBody = z
  .strictObject({
    agent: agentName.optional(),
    agent_id: agentName.optional(),
    assistant: agentName.optional(),
    task_type: z.string().min(1).max(200).optional(),
    input: z.record(z.string(), z.unknown()).default({}),
    defer: z.boolean().optional(),
    priority: z.enum(['low', 'normal', 'high']).default('normal'),
    session_id: z.string().min(1).max(200).optional(),
    title: title.optional(),
    description: description.optional(),
    type: category.optional(),
    skills: skills.default([]),
    owner_email: z.email().optional(),
    ownerEmail: z.email().optional(),
    assigned_users: emails.optional(),
    assignedUsers: emails.optional(),
    followers: emails.default([]),
    // Only the dashboard's "Run task" says where it came from; every other create is `api`.
    trigger: z.strictObject({ type: z.literal('dashboard', { error: 'Only "dashboard" may be given; other triggers are set by the server' }) }).optional(),
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
    for (const [snake, camel] of [['owner_email', 'ownerEmail'], ['assigned_users', 'assignedUsers']] as const) {
      if (body[snake] !== undefined && body[camel] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [camel], message: `Give ${snake} or ${camel}, not both` });
        return z.NEVER;
      }
    }
    const { agent_id: _agentId, assistant, ownerEmail, assignedUsers, ...rest } = body;
    return {
      ...rest,
      agent: named[0]!,
      defer: body.defer ?? assistant !== undefined,
      owner_email: body.owner_email ?? ownerEmail,
      assigned_users: unique(body.assigned_users ?? assignedUsers ?? []),
    };
  });
export type CreateTaskBody = z.output<typeof createTaskBody>;

/** PUT /v1/tasks/:id: the details a person may edit; status changes go through the commands. */
export const updateTaskBody = z
  .strictObject({
    title: title.nullable().optional(),
    description: description.nullable().optional(),
    type: category.nullable().optional(),
    skills: skills.optional(),
    followers: emails.optional(),
    // Named (rather than refused as unknown) so the 400 says where status changes are made.
    status: z
      .unknown()
      .refine(() => false, 'Status changes through POST /v1/tasks/:id/process, /stop or /cancel')
      .optional()
      .meta({ description: 'Not editable here: any value is refused with a 400 saying where status changes are made' }),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'Give at least one of title, description, type, skills, followers',
  });

/** PUT /v1/tasks/:id/assignees: the whole set. */
export const assigneesBody = z.strictObject({ emails: emails.transform(unique) });

export const feedbackBody = z.strictObject({
  status: z.enum(['like', 'dislike'], { error: 'Expected like, dislike or null' }).nullable(),
});

/** A file given with `process`: one of the tenant's uploads, or a document at an http(s) URL. */
const taskFile = z
  .strictObject({
    file_id: z.string().regex(FILE_ID_PATTERN, 'A file ID from POST /v1/files (file_…)').optional(),
    name: z.string().min(1).max(500).optional(),
    url: z.url({ protocol: /^https?$/, error: 'An http or https URL' }).max(4_000).optional(),
    mime_type: z.string().min(1).max(200).optional(),
  })
  .superRefine((file, ctx) => {
    if (file.file_id !== undefined) {
      for (const key of ['name', 'url', 'mime_type'] as const) {
        if (file[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: "Give file_id alone: the uploaded file's name and type go with it" });
      }
      return;
    }
    if (file.name === undefined) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Required: a file_id, or a name and url' });
    if (file.url === undefined) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Required: a file_id, or a name and url' });
  })
  // The refinement above guarantees one of the two shapes.
  .transform((file) => (file.file_id !== undefined ? { file_id: file.file_id } : { name: file.name!, url: file.url!, mime_type: file.mime_type }));

/** POST /v1/tasks/:id/rerun: the same agent and task type, with the same input unless another is given. */
export const rerunBody = z.strictObject({
  input: z.record(z.string(), z.unknown()).optional(),
});

export const processBody = z.strictObject({
  message: z.string().min(1).max(20_000).optional(),
  files: z.array(taskFile).max(50).optional(),
});

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

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
export const DEFAULT_PAGE_SIZE = 20;
/** Offset paging reads and skips every row before the page; beyond this, cursors are the way. */
const MAX_PAGE_OFFSET = 10_000;

/** GET /v1/tasks: filters, and either `cursor`+`limit` or `page`+`per_page` (AGNT's `perPage` too). */
export const listTasksQuery = z
  .object({
    agent: z.string().min(1).max(100).optional(),
    status: statusFilter.optional(),
    type: z.string().min(1).max(100).optional(),
    session_id: z.string().min(1).max(200).optional(),
    search: z.string().trim().min(1).max(500).optional(),
    mine: z.enum(['true', 'false'], { error: 'Expected true or false' }).transform((value) => value === 'true').optional(),
    limit: pageSize.optional(),
    cursor: z.string().min(1).max(500).optional(),
    page: z.coerce.number().int().min(1).optional(),
    per_page: pageSize.optional(),
    perPage: pageSize.optional(),
  })
  .superRefine((query, ctx) => {
    const paged = query.page !== undefined || query.per_page !== undefined || query.perPage !== undefined;
    if (paged && (query.cursor !== undefined || query.limit !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['page'], message: 'Use either cursor and limit, or page and per_page, not both' });
    }
    const perPage = query.per_page ?? query.perPage ?? DEFAULT_PAGE_SIZE;
    if (query.page !== undefined && (query.page - 1) * perPage >= MAX_PAGE_OFFSET) {
      ctx.addIssue({
        code: 'custom',
        path: ['page'],
        message: `Page paging reaches the first ${MAX_PAGE_OFFSET} tasks; use cursor and limit (next_cursor) to page further`,
      });
    }
  })
  .transform(({ perPage, per_page, ...query }) => ({ ...query, per_page: per_page ?? perPage }));

const timestamp = z.iso.datetime();
const json = z.unknown().meta({ description: 'Any JSON value' });

const activity = z.union([
  z.object({ type: z.literal('status_change'), from: z.string().nullable(), to: z.string().nullable(), question: z.string().optional(), timestamp }),
  z.object({ type: z.literal('message'), text: z.string().nullable(), files: z.array(json), timestamp }),
  z.object({ type: z.literal('approval_requested'), approval_id: z.string(), title: z.string(), artifact_id: z.string().nullable(), timestamp }),
  z.object({
    type: z.literal('approval_resolved'),
    approval_id: z.string(),
    decision: z.string(),
    comment: z.string().nullable(),
    by: z.string().nullable(),
    timestamp,
  }),
  z.object({ type: z.enum(['feedback', 'assignment']), from: json, to: json, by: json, timestamp }),
  z.object({ type: z.literal('update'), fields: z.record(z.string(), z.object({ from: json, to: json })), by: json, timestamp }),
]);

const execution = z.object({
  id: z.string(),
  status: z.enum(['running', 'complete', 'failed', 'cancelled', 'stopped', 'awaiting_input']),
  started_at: timestamp,
  completed_at: timestamp.nullable(),
  output_summary: z.string().nullable(),
});

/** A task as listings show it (SPEC section 3); the full record adds `activities`. */
export const taskListItem = z
  .object({
    task_id: z.string(),
    tenant_id: z.string(),
    agent: z.string(),
    task_type: z.string(),
    input: z.record(z.string(), json),
    status: z.enum(TASK_STATUSES),
    priority: z.enum(['low', 'normal', 'high']),
    session_id: z.string().nullable(),
    title: z.string().nullable(),
    description: z.string().nullable(),
    type: z.string().nullable(),
    skills: z.array(z.string()),
    owner_email: z.string().nullable(),
    assigned_users: z.array(z.string()),
    followers: z.array(z.string()),
    feedback: z.enum(['like', 'dislike']).nullable(),
    progress: z.object({ fraction: z.number(), message: z.string().nullable() }),
    error: z.object({ code: z.string(), message: z.string().nullable() }).nullable(),
    output: json,
    artifacts: z.array(z.object({ artifact_id: z.string(), type: z.string(), created_at: timestamp })),
    executions: z.array(execution),
    trigger: z.object({
      type: z.string().meta({ description: '`api`, `dashboard`, `schedule`, `event`, `channel` or `rerun`' }),
      source_id: z.string().nullable().meta({ description: 'The schedule, trigger, channel rule or rerun task that started it' }),
      source_task_id: z.string().optional().meta({ description: 'An event trigger: the task whose artifact started it' }),
      source_artifact_id: z.string().optional().meta({ description: 'An event trigger: that artifact' }),
      channel: z.string().optional().meta({ description: 'A channel rule: the channel of the message' }),
    }),
    links: z.object({ temporal_ui: z.string().nullable().meta({ description: 'The run in the Temporal Web UI: for admin keys, or for every key once the operator sets TEMPORAL_UI_URL; otherwise null' }) }),
    created_at: timestamp,
    updated_at: timestamp,
    started_at: timestamp.nullable(),
    completed_at: timestamp.nullable(),
  })
  .meta({ id: 'TaskListItem' });

export const taskRecord = taskListItem
  .extend({
    activities: z.array(activity).meta({ description: 'The audit trail: status changes, messages, updates, assignments, feedback, approvals' }),
    consistency: z.literal('strong').optional().meta({ description: 'Present when the workflow itself was asked (`?consistency=strong`)' }),
  })
  .meta({ id: 'Task' });

export const cancelledTaskRecord = taskRecord.extend({ cancel_requested: z.literal(true) }).meta({ id: 'CancelRequestedTask' });

export const taskList = z.union([
  z.object({ tasks: z.array(taskListItem), next_cursor: z.string().nullable() }).meta({ description: 'cursor and limit paging' }),
  z
    .object({ data: z.array(taskListItem), pagination: z.object({ page: z.int(), per_page: z.int(), total: z.int() }) })
    .meta({ description: 'page and per_page paging' }),
]);

export const taskDeleted = z.union([
  z.object({ cancelled: z.literal(true), task_id: z.string() }).meta({ description: 'An unfinished task: cancelled' }),
  z.object({ deleted: z.literal(true), task_id: z.string() }).meta({ description: 'A finished task: deleted' }),
]);

export const taskIdParams = z.object({ id: z.string().meta({ description: 'A task ID (task_…)' }) });
