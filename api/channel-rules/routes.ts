import { defineRoutes } from '../route-table/declare';
import { channelRuleIdParams, channelRuleResponse, createChannelRuleBody, deleteChannelRuleResponse, listChannelRulesResponse } from './schemas';

const tag = 'Channels';

export const channelRuleRoutes = defineRoutes({
  createChannelRule: {
    method: 'post',
    path: '/v1/channel-rules',
    auth: 'key',
    tag,
    summary: 'Start a task for each matching inbound message',
    description:
      'Each of `match`\'s fields is a case-insensitive substring or a `/regex/flags`. `input_template` is JSON whose strings may hold `{{from}}`, `{{subject}}` and `{{text}}`; a string that is just `{{attachments}}` becomes the attachments\' file IDs; without one the input is `{from, subject, text, attachments}`. The template must yield an input the agent accepts (a 400 on `start.input_template` otherwise).',
    body: { schema: createChannelRuleBody, required: true },
    responses: { 201: { description: 'The rule', schema: channelRuleResponse, headers: { Location: "The rule's URL" } } },
    problems: [400, 401, 413, 415],
    examples: [
      {
        summary: 'Echo every invoice mail',
        curl: `curl -X POST $BASE/v1/channel-rules -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"channel": "email", "match": {"subject": "invoice"}, "start": {"agent": "echo", "input_template": {"message": "{{from}}: {{subject}}"}}}'`,
        body: { channel: 'email', match: { subject: 'invoice' }, start: { agent: 'echo', input_template: { message: '{{from}}: {{subject}}' } } },
      },
    ],
  },
  listChannelRules: {
    method: 'get',
    path: '/v1/channel-rules',
    auth: 'key',
    tag,
    summary: "The tenant's channel rules, oldest first",
    responses: { 200: { description: 'Every rule', schema: listChannelRulesResponse } },
    problems: [401],
  },
  getChannelRule: {
    method: 'get',
    path: '/v1/channel-rules/:id',
    auth: 'key',
    tag,
    summary: 'Read a channel rule',
    params: channelRuleIdParams,
    responses: { 200: { description: 'The rule', schema: channelRuleResponse } },
    problems: [401, 404],
  },
  deleteChannelRule: {
    method: 'delete',
    path: '/v1/channel-rules/:id',
    auth: 'key',
    tag,
    summary: 'Delete a channel rule; the tasks it started stay',
    params: channelRuleIdParams,
    responses: { 200: { description: 'Deleted', schema: deleteChannelRuleResponse } },
    problems: [401, 404],
  },
});
