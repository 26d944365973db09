import type { Router } from 'express';
import type { AgentRegistry } from '../../agents/registry';
import type { Config } from '../../lib/config';
import type { Database, Prisma } from '../../lib/db/client';
import { newId } from '../../lib/ids';
import { findTriggerCycle } from '../../lib/triggers/cycles';
import { principalOf } from '../middleware/auth';
import { HttpProblem, invalidRequest, notFound } from '../problem';
import { resolveTaskType } from '../tasks/task-type';
import { routerFrom } from '../route-table/register';
import { presentTrigger } from './present';
import { triggerRoutes } from './routes';
import type { DeleteTriggerResponse, ListTriggersResponse } from './schemas';

export interface TriggersRouterDependencies {
  db: Database;
  agents: AgentRegistry;
  config: Pick<Config, 'TASK_QUEUE'>;
}

/** Event triggers: an artifact recorded starts another task (activities/fire-triggers.ts starts them). */
export function triggersRouter({ db, agents, config }: TriggersRouterDependencies): Router {
  return routerFrom(triggerRoutes, {
    async createTrigger(req, res, { body }) {
      const { tenantId } = principalOf(req);
      const sourceAgent = body.on.agent === undefined ? null : (await agents.find(tenantId, body.on.agent))?.slug;
      if (sourceAgent === undefined) {
        const valid = (await agents.list(tenantId)).map((known) => known.slug).join(', ');
        throw invalidRequest([{ field: 'on.agent', in: 'body', message: `Unknown agent "${body.on.agent}"; valid agents: ${valid}` }]);
      }
      const { agent, taskTypeName, input } = await resolveTaskType(agents, tenantId, body.start, ['start'], Object.keys(body.input_map));
      const candidate = { id: newId('trg'), artifactType: body.on.artifact_type, sourceAgent, agent: agent.slug, taskType: taskTypeName };

      const trigger = await db.$transaction(async (tx) => {
        // One creation per tenant at a time: two triggers made at once cannot close a cycle unseen.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`triggers:${tenantId}`}))`;
        const existing = await tx.trigger.findMany({ where: { tenantId }, select: { id: true, artifactType: true, sourceAgent: true, agent: true, taskType: true } });
        const cycle = findTriggerCycle(agents, existing, candidate);
        if (cycle) {
          const chain = cycle.map((edge) => `${edge.artifactType} → ${edge.agent}/${edge.taskType}`).join(', then ');
          throw new HttpProblem(409, 'trigger_cycle', `This trigger would start itself again: ${chain}.`, {
            cycle: cycle.map((edge) => (edge.id === candidate.id ? null : edge.id)),
          });
        }
        return tx.trigger.create({
          data: { ...candidate, tenantId, input: input as Prisma.InputJsonObject, inputMap: body.input_map, taskQueue: config.TASK_QUEUE },
        });
      });
      res.status(201).location(`/v1/triggers/${trigger.id}`).json(presentTrigger(trigger));
    },
    async listTriggers(req, res) {
      const { tenantId } = principalOf(req);
      const triggers = await db.trigger.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      res.json({ triggers: triggers.map(presentTrigger) } satisfies ListTriggersResponse);
    },
    async getTrigger(req, res, { params }) {
      const { tenantId } = principalOf(req);
      const trigger = await db.trigger.findFirst({ where: { id: params.id, tenantId } });
      if (!trigger) throw notFound(`Trigger ${params.id}`);
      res.json(presentTrigger(trigger));
    },
    async deleteTrigger(req, res, { params }) {
      const { tenantId } = principalOf(req);
      // The tasks it started stay.
      const { count } = await db.trigger.deleteMany({ where: { id: params.id, tenantId } });
      if (count === 0) throw notFound(`Trigger ${params.id}`);
      res.json({ deleted: true, trigger_id: params.id } satisfies DeleteTriggerResponse);
    },
  });
}
