import { Router } from 'express';
import { type AgentRegistry, listAgents } from '../../agents/registry';
import { methodNotAllowed } from '../middleware/errors';
import { notFound } from '../problem';
import { presentAgent } from './present';

/** Agent manifests, so clients can discover task types and the input each one takes. */
export function agentsRouter({ agents }: { agents: AgentRegistry }): Router {
  const router = Router();

  router
    .route('/v1/agents')
    .get((_req, res) => {
      res.json({ agents: listAgents(agents).map(presentAgent) });
    })
    .all(methodNotAllowed);

  router
    .route('/v1/agents/:slug')
    .get((req, res) => {
      const agent = agents.get(req.params.slug);
      if (!agent) throw notFound(`Agent ${req.params.slug}`);
      res.json(presentAgent(agent));
    })
    .all(methodNotAllowed);

  return router;
}
