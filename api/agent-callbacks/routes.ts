import { defineRoutes } from '../route-table/declare';
import {
  approvalBody,
  artifactBody,
  artifactFileQuery,
  artifactReceived,
  callbackParams,
  callbackState,
  completeBody,
  failBody,
  heartbeatBody,
  progressBody,
} from './schemas';

const tag = 'Agent callbacks';
const path = (suffix = '') => `/v1/agent-callbacks/:execution_id${suffix}`;
const state = { description: "The execution's state", schema: callbackState };
const curl = (suffix: string, body: unknown) =>
  `curl -X POST "$CALLBACK_URL${suffix}" -H "Authorization: Bearer $CALLBACK_TOKEN" -H "Content-Type: application/json" -d '${JSON.stringify(body)}'`;

// A registered agent calls these while it works on a dispatched execution (`callback_url` and
// `callback_token` in the dispatch); the token, not an API key, authorizes them.
export const agentCallbackRoutes = defineRoutes({
  getCallbackState: {
    method: 'get',
    path: path(),
    auth: 'callback',
    tag,
    summary: "The execution's state (`GET {callback_url}`)",
    description: '`approval.status` turns from `pending` to the decision once the task runs again; `cancel_requested: true` means stop working.',
    params: callbackParams,
    responses: { 200: state },
    problems: [401],
  },
  callbackHeartbeat: {
    method: 'post',
    path: path('/heartbeat'),
    auth: 'callback',
    tag,
    summary: 'Still alive',
    description:
      "Heartbeats the waiting agent activity; an agent silent for its task type's `heartbeat_timeout_ms` has failed the attempt. The answer's `cancel_requested: true` means the task was cancelled or stopped: stop working (the token is refused from then on).",
    params: callbackParams,
    body: { schema: heartbeatBody },
    responses: { 200: state },
    problems: [401],
    examples: [{ summary: 'A heartbeat', curl: curl('/heartbeat', {}), body: {} }],
  },
  callbackProgress: {
    method: 'post',
    path: path('/progress'),
    auth: 'callback',
    tag,
    summary: 'Report progress (`task.progress`); counts as a heartbeat',
    params: callbackParams,
    body: { schema: progressBody },
    responses: { 200: state },
    problems: [401, 409],
    examples: [{ summary: 'Half done', curl: curl('/progress', { fraction: 0.5, message: 'counting words' }), body: { fraction: 0.5, message: 'counting words' } }],
  },
  callbackArtifact: {
    method: 'post',
    path: path('/artifacts'),
    auth: 'callback',
    tag,
    summary: 'Report an artifact; counts as a heartbeat',
    description:
      'Its `type` must be one the task type `emits`. Recorded with the next `approval` or `complete`. A file artifact (up to `FILE_MAX_BYTES`) needs `type` and `display_name` in the query.',
    params: callbackParams,
    query: artifactFileQuery.partial(),
    body: {
      upload: true,
      json: artifactBody,
      description:
        'A structured artifact as JSON `{type, display_name, mime_type?, data}`; or a file: `multipart/form-data` with the file in the field `file`, or its raw bytes with their own `Content-Type`.',
    },
    responses: { 201: { description: 'Received', schema: artifactReceived } },
    problems: [400, 401, 409, 413],
    examples: [
      {
        summary: 'A structured artifact',
        curl: curl('/artifacts', { type: 'text.stats', display_name: 'Word count', data: { words: 3 } }),
        body: { type: 'text.stats', display_name: 'Word count', data: { words: 3 } },
      },
      {
        summary: 'A file artifact',
        curl: 'curl -X POST "$CALLBACK_URL/artifacts?type=text.report&display_name=report.csv" -H "Authorization: Bearer $CALLBACK_TOKEN" -H "Content-Type: text/csv" --data-binary @report.csv',
      },
    ],
  },
  callbackApproval: {
    method: 'post',
    path: path('/approval'),
    auth: 'callback',
    tag,
    summary: 'Ask for approval; the task waits in `awaiting_approval`',
    description:
      "With the task type's approval timeout and policy. The agent learns the decision from a later heartbeat's answer or by polling `GET {callback_url}`, and must heartbeat again once the task runs.",
    params: callbackParams,
    body: { schema: approvalBody },
    responses: { 202: state },
    problems: [401, 409],
    examples: [{ summary: 'Ask before sending', curl: curl('/approval', { title: 'Send the report?' }), body: { title: 'Send the report?' } }],
  },
  callbackComplete: {
    method: 'post',
    path: path('/complete'),
    auth: 'callback',
    tag,
    summary: 'Complete the task with this output and the artifacts reported',
    params: callbackParams,
    body: { schema: completeBody },
    responses: { 202: state },
    problems: [401, 409],
    examples: [{ summary: 'Done', curl: curl('/complete', { output: { words: 3 } }), body: { output: { words: 3 } } }],
  },
  callbackFail: {
    method: 'post',
    path: path('/fail'),
    auth: 'callback',
    tag,
    summary: 'Fail the task with this error',
    description: "`retryable: true`: dispatched again while the task type's attempts last.",
    params: callbackParams,
    body: { schema: failBody },
    responses: { 202: state },
    problems: [401, 409],
    examples: [
      {
        summary: 'A failure',
        curl: curl('/fail', { code: 'source_unreadable', message: 'The text could not be read' }),
        body: { code: 'source_unreadable', message: 'The text could not be read' },
      },
    ],
  },
});
