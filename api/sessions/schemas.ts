import { z } from 'zod';
import { taskListItem } from '../tasks/schemas';

/** POST /v1/sessions */
export const createSessionBody = z.strictObject({
  title: z.string().max(500).optional(),
  metadata: z.record(z.string(), z.unknown()).default({}),
});

/** POST /v1/sessions/:id/messages */
export const sessionMessageBody = z.strictObject({
  text: z.string().min(1).max(20_000),
  from: z.string().min(1).max(500).optional(),
});

export const listSessionsQuery = z.object({
  status: z.enum(['open', 'closed']).optional(),
  limit: z.coerce.number({ error: 'Expected an integer from 1 to 100' }).int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional(),
});

export const sessionResponse = z.object({
  session_id: z.string(),
  title: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  status: z.enum(['open', 'closed']),
  created_at: z.string(),
  closed_at: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const sessionMessageResponse = z.object({
  message_id: z.string(),
  session_id: z.string(),
  text: z.string(),
  from: z.string().nullable(),
  /** The task waiting in needs_clarification that this message answered, if any. */
  answered_task_id: z.string().nullable(),
  created_at: z.string(),
});
export type SessionMessageResponse = z.infer<typeof sessionMessageResponse>;

/** GET /v1/sessions/:id: the session with its tasks (list items, as GET /v1/tasks shows them) and messages. */
export const sessionDetailResponse = sessionResponse.extend({
  tasks: z.array(taskListItem),
  messages: z.array(sessionMessageResponse),
});
export type SessionDetailResponse = z.infer<typeof sessionDetailResponse>;

export const listSessionsResponse = z.object({ sessions: z.array(sessionResponse), next_cursor: z.string().nullable() });
export type ListSessionsResponse = z.infer<typeof listSessionsResponse>;

export const sessionIdParams = z.object({ id: z.string().meta({ description: 'A session ID (ses_…)' }) });
