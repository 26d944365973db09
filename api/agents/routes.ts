import { defineRoutes } from '../route-table/declare';
import { agentManifest, agentSlugParams } from './schemas';
import { z } from 'zod';

const tag = 'Agents';

export const agentRoutes = defineRoutes({
  listAgents: {
    method: 'get',
    path: '/v1/agents',
    auth: 'key',
    tag,
    summary: 'The agent manifests',
    description: 'Task types with their input as JSON Schema, emitted artifact types, timeout, retry and approval policy, and the skills (tools) the agent may call.',
    responses: { 200: { description: 'Every agent', schema: z.object({ agents: z.array(agentManifest) }) } },
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
});
