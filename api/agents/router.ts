import type { Router } from 'express';
import { type AgentRegistry, listAgents } from '../../agents/registry';
import { notFound } from '../problem';
import { routerFrom } from '../route-table/register';
import { presentAgent } from './present';
import { agentRoutes } from './routes';

/** Agent manifests, so clients can discover task types and the input each one takes. */
export function agentsRouter({ agents }: { agents: AgentRegistry }): Router {
  return routerFrom(agentRoutes, {
    listAgents(_req, res) {
      res.json({ agents: listAgents(agents).map(presentAgent) });
    },
    getAgent(_req, res, { params }) {
      const agent = agents.get(params.slug);
      if (!agent) throw notFound(`Agent ${params.slug}`);
      res.json(presentAgent(agent));
    },
  });
}
