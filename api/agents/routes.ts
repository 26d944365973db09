import { defineRoutes } from '../route-table/declare';
import { agentManifest, agentSlugParams, createAgentBody, listAgentsResponse, registeredAgentResponse, updateAgentBody } from './schemas';

const tag = 'Agents';

const wordCounter = {
  slug: 'word-counter',
  name: 'Word counter',
  description: 'Counts words, in Python',
  endpoint: 'https://agents.example.com/word-counter',
  secret: 'my-agent-secret-0123456789',
  task_types: {
    'text.count': {
      description: 'Counts the words of a text',
      emits: ['text.stats'],
      input_schema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'], additionalProperties: false },
      heartbeat_timeout_ms: 5000,
    },
  },
};

export const agentRoutes = defineRoutes({
  listAgents: {
    method: 'get',
    path: '/v1/agents',
    auth: 'key',
    tag,
    summary: 'The agent manifests, built-in and registered',
    description:
      "The built-in agents and the tenant's registered (remote) ones (`kind`): task types with their input as JSON Schema, emitted artifact types, timeout, heartbeat timeout, retry and approval policy, and the skills (tools) the agent may call.",
    responses: { 200: { description: 'Every agent', schema: listAgentsResponse } },
    problems: [401],
  },
  getAgent: {
    method: 'get',
    path: '/v1/agents/:slug',
    auth: 'key',
    tag,
    summary: "One agent's manifest, by slug or alias",
    params: agentSlugParams,
    responses: { 200: { description: 'The agent', schema: agentManifest } },
    problems: [401, 404],
  },
  registerAgent: {
    method: 'post',
    path: '/v1/agents',
    auth: 'admin',
    tag,
    summary: 'Register a remote agent',
    description:
      'An HTTP service in any language, reached at `endpoint` (https; plain http only with `OUTBOUND_ALLOW_PRIVATE_NETWORKS`; the outbound URL policy applies) with each execution signed by `secret` (shown only as `secret_hint`). Each task type publishes a JSON Schema that task inputs must match. A slug that is a built-in agent\'s name is a 409 `built_in_agent`, one the tenant already registered a 409 `agent_exists`.',
    body: { schema: createAgentBody },
    responses: {
      201: { description: 'The registered agent', schema: registeredAgentResponse, headers: { Location: 'The agent: `/v1/agents/{slug}`' } },
    },
    problems: [400, 401, 403, 409, 413, 415],
    examples: [
      {
        summary: 'A word counter in Python (README, Remote agents)',
        curl: `curl -X POST $BASE/v1/agents -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '${JSON.stringify(wordCounter)}'`,
        body: wordCounter,
      },
    ],
  },
  updateAgent: {
    method: 'patch',
    path: '/v1/agents/:slug',
    auth: 'admin',
    tag,
    summary: 'Change a registered agent',
    description: "Any field but the slug; `task_types` replaces them all. A built-in agent's name is a 409 `built_in_agent`.",
    params: agentSlugParams,
    body: { schema: updateAgentBody },
    responses: { 200: { description: 'The registered agent', schema: registeredAgentResponse } },
    problems: [400, 401, 403, 404, 409, 413, 415],
  },
  deleteAgent: {
    method: 'delete',
    path: '/v1/agents/:slug',
    auth: 'admin',
    tag,
    summary: 'Remove a registered agent',
    description: "Tasks still on it fail at their next attempt. A built-in agent's name is a 409 `built_in_agent`.",
    params: agentSlugParams,
    responses: { 204: { description: 'Removed' } },
    problems: [401, 403, 404, 409],
  },
});
