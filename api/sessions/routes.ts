import { defineRoutes } from '../route-table/declare';
import {
  createSessionBody,
  listSessionsQuery,
  listSessionsResponse,
  sessionDetailResponse,
  sessionIdParams,
  sessionMessageBody,
  sessionMessageResponse,
  sessionResponse,
} from './schemas';

const tag = 'Sessions';

export const sessionRoutes = defineRoutes({
  createSession: {
    method: 'post',
    path: '/v1/sessions',
    auth: 'key',
    tag,
    summary: 'Open a session',
    description: 'Tasks join it with `session_id` (an unknown session is a 404, a closed one a 409).',
    body: { schema: createSessionBody },
    responses: { 201: { description: 'The session', schema: sessionResponse, headers: { Location: "The session's URL" } } },
    problems: [400, 401, 413, 415],
    examples: [
      {
        summary: 'A support conversation',
        curl: `curl -X POST $BASE/v1/sessions -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"title": "Onboarding ACME", "metadata": {"ticket": "T-1042"}}'`,
        body: { title: 'Onboarding ACME', metadata: { ticket: 'T-1042' } },
      },
    ],
  },
  listSessions: {
    method: 'get',
    path: '/v1/sessions',
    auth: 'key',
    tag,
    summary: "The tenant's sessions, newest first",
    query: listSessionsQuery,
    responses: { 200: { description: 'One page of sessions', schema: listSessionsResponse } },
    problems: [400, 401],
  },
  getSession: {
    method: 'get',
    path: '/v1/sessions/:id',
    auth: 'key',
    tag,
    summary: 'A session with its tasks and messages',
    params: sessionIdParams,
    responses: { 200: { description: 'The session, its tasks (as `GET /v1/tasks` lists them) and its messages', schema: sessionDetailResponse } },
    problems: [401, 404],
  },
  postSessionMessage: {
    method: 'post',
    path: '/v1/sessions/:id/messages',
    auth: 'key',
    tag,
    summary: 'Post a message to a session',
    description:
      'Recorded as `session.message`. If a task of the session waits in `needs_clarification` (the oldest, if several do), the message is its answer (`answered_task_id`). A closed session is a 409.',
    params: sessionIdParams,
    body: { schema: sessionMessageBody, required: true },
    responses: { 201: { description: 'The message', schema: sessionMessageResponse } },
    problems: [400, 401, 404, 409, 413, 415, 503],
    examples: [
      {
        summary: 'Answer the waiting question',
        curl: `curl -X POST $BASE/v1/sessions/ses_…/messages -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"text": "Use the EU AI Act", "from": "alex@acme.com"}'`,
        body: { text: 'Use the EU AI Act', from: 'alex@acme.com' },
      },
    ],
  },
  closeSession: {
    method: 'post',
    path: '/v1/sessions/:id/close',
    auth: 'key',
    tag,
    summary: 'Close a session',
    description: 'Records `session.closed`; the session then refuses new tasks, reruns and messages (409). Closing it again is a 409.',
    params: sessionIdParams,
    responses: { 200: { description: 'The closed session', schema: sessionResponse } },
    problems: [401, 404, 409],
  },
});
