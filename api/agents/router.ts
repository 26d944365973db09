import type { Router } from 'express';
import type { AgentRegistry } from '../../agents/registry';
import { jsonSchemaProblem } from '../../agents/remote/json-schema-input';
import type { RegisteredTaskType } from '../../agents/remote/registered-agents';
import type { Config } from '../../lib/config';
import { type Database, Prisma } from '../../lib/db/client';
import type { RegisteredAgent } from '../../lib/generated/prisma/client';
import { newId } from '../../lib/ids';
import { checkStoredUrl } from '../../lib/outbound/url-policy';
import { webhookSecretBoxFor } from '../../lib/webhooks/secret-box';
import { principalOf } from '../middleware/auth';
import { type FieldProblem, HttpProblem, invalidRequest, notFound } from '../problem';
import { routerFrom } from '../route-table/register';
import { presentAgent } from './present';
import { agentRoutes } from './routes';
import { secretHint } from '../../lib/secrets/secret-hint';

export interface AgentsRouterDependencies {
  db: Database;
  agents: AgentRegistry;
  config: Pick<Config, 'OUTBOUND_ALLOW_PRIVATE_NETWORKS' | 'WEBHOOK_SECRET_KEYS' | 'dataDir'>;
}

/**
 * Agent manifests, so clients can discover task types and the input each one takes; and the
 * tenant's registered (remote) agents, which an admin key registers, changes and removes.
 */
export function agentsRouter({ db, agents, config }: AgentsRouterDependencies): Router {
  const policy = { allowPrivateNetworks: config.OUTBOUND_ALLOW_PRIVATE_NETWORKS };
  // Agents' secrets are sealed at rest with the webhooks' keys.
  const secrets = webhookSecretBoxFor(config);

  /** The endpoint, task types' schemas and default task type a registration names, or 400. */
  async function checkRegistration(fields: { endpoint?: string; task_types?: Record<string, RegisteredTaskType>; default_task_type?: string }) {
    const problems: FieldProblem[] = [];
    if (fields.endpoint !== undefined) {
      const url = new URL(fields.endpoint);
      // Plain HTTP only where the operator opened private networks (agents beside the service).
      const refused =
        url.protocol === 'http:' && !policy.allowPrivateNetworks ? 'Expected an https URL (http is allowed only with OUTBOUND_ALLOW_PRIVATE_NETWORKS)' : await checkStoredUrl(url, policy);
      if (refused) problems.push({ field: 'endpoint', in: 'body', message: refused });
    }
    for (const [name, taskType] of Object.entries(fields.task_types ?? {})) {
      const problem = jsonSchemaProblem(taskType.input_schema);
      if (problem) problems.push({ field: `task_types.${name}.input_schema`, in: 'body', message: `Not a usable JSON Schema: ${problem}` });
    }
    if (fields.default_task_type !== undefined && fields.task_types && !(fields.default_task_type in fields.task_types)) {
      problems.push({ field: 'default_task_type', in: 'body', message: `Expected one of the declared task types: ${Object.keys(fields.task_types).join(', ')}` });
    }
    if (problems.length > 0) throw invalidRequest(problems);
  }

  async function loadRegistered(tenantId: string, slug: string): Promise<RegisteredAgent> {
    if (agents.get(slug)) throw builtInAgent(slug);
    const row = await db.registeredAgent.findUnique({ where: { tenantId_slug: { tenantId, slug } } });
    if (!row) throw notFound(`Agent ${slug}`);
    return row;
  }

  async function presentRegistered(row: RegisteredAgent) {
    const agent = await agents.find(row.tenantId, row.slug);
    if (!agent) throw notFound(`Agent ${row.slug}`);
    return { ...presentAgent(agent), secret_hint: secretHint(secrets.open(row.secret)), created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString() };
  }

  return routerFrom(agentRoutes, {
    async listAgents(req, res) {
      const { tenantId } = principalOf(req);
      res.json({ agents: (await agents.list(tenantId)).map(presentAgent) });
    },
    async getAgent(req, res, { params }) {
      const { tenantId } = principalOf(req);
      const agent = await agents.find(tenantId, params.slug);
      if (!agent) throw notFound(`Agent ${params.slug}`);
      res.json(presentAgent(agent));
    },
    async registerAgent(req, res, { body }) {
      const { tenantId } = principalOf(req);
      if (agents.get(body.slug)) throw builtInAgent(body.slug);
      await checkRegistration(body);
      try {
        const row = await db.registeredAgent.create({
          data: {
            id: newId('agt'),
            tenantId,
            slug: body.slug,
            name: body.name,
            description: body.description,
            endpoint: body.endpoint,
            secret: secrets.seal(body.secret),
            taskTypes: body.task_types as Prisma.InputJsonObject,
            defaultTaskType: body.default_task_type ?? Object.keys(body.task_types)[0]!,
          },
        });
        res.status(201).location(`/v1/agents/${row.slug}`).json(await presentRegistered(row));
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw new HttpProblem(409, 'agent_exists', `This tenant already has an agent ${body.slug}`);
        }
        throw error;
      }
    },
    async updateAgent(req, res, { params, body }) {
      const { tenantId } = principalOf(req);
      const row = await loadRegistered(tenantId, params.slug);
      const taskTypes = body.task_types ?? (row.taskTypes as unknown as Record<string, RegisteredTaskType>);
      // New task types without a default keep the old one if it is still declared.
      const defaultTaskType = body.default_task_type ?? (row.defaultTaskType in taskTypes ? row.defaultTaskType : Object.keys(taskTypes)[0]!);
      await checkRegistration({ endpoint: body.endpoint, task_types: taskTypes, default_task_type: defaultTaskType });
      const updated = await db.registeredAgent.update({
        where: { id: row.id },
        data: {
          name: body.name,
          description: body.description,
          endpoint: body.endpoint,
          secret: body.secret === undefined ? undefined : secrets.seal(body.secret),
          taskTypes: body.task_types as Prisma.InputJsonObject | undefined,
          defaultTaskType,
        },
      });
      res.json(await presentRegistered(updated));
    },
    async deleteAgent(req, res, { params }) {
      const { tenantId } = principalOf(req);
      const row = await loadRegistered(tenantId, params.slug);
      // Tasks already on it fail at their next attempt (`unknown_task_type`): nothing serves them.
      await db.registeredAgent.delete({ where: { id: row.id } });
      res.status(204).end();
    },
  });
}

const builtInAgent = (name: string) =>
  new HttpProblem(409, 'built_in_agent', `${name} is the name of a built-in agent; registered agents cannot take it, and built-in agents cannot be changed`);
