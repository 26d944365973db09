import type { Router } from 'express';
import type { AgentRegistry } from '../../agents/registry';
import { renderInput } from '../../lib/channels/rules';
import { type Database, Prisma } from '../../lib/db/client';
import { newId } from '../../lib/ids';
import { principalOf } from '../middleware/auth';
import { type FieldProblem, HttpProblem, invalidRequest, notFound } from '../problem';
import { resolveTaskType } from '../tasks/task-type';
import { routerFrom } from '../route-table/register';
import { presentChannelRule } from './present';
import { channelRuleRoutes } from './routes';
import type { DeleteChannelRuleResponse, ListChannelRulesResponse } from './schemas';

// What a template is tried with when the rule is created: its input must then fit the manifest.
const SAMPLE_MESSAGE = { from: 'sender@example.com', subject: 'Subject', text: 'Text', attachments: ['file_0000000000000000000000SAMPLE'] };

/** Rules that turn inbound channel messages into tasks (api/channels receives the messages). */
export function channelRulesRouter({ db, agents }: { db: Database; agents: AgentRegistry }): Router {
  return routerFrom(channelRuleRoutes, {
    async createChannelRule(req, res, { body }) {
      const { tenantId } = principalOf(req);
      const template = body.start.input_template ?? null;
      let resolved;
      try {
        resolved = await resolveTaskType(agents, tenantId, { agent: body.start.agent, task_type: body.start.task_type, input: renderInput(template, SAMPLE_MESSAGE) }, ['start']);
      } catch (error) {
        // The input problems are the template's: say so on its field.
        const problems = error instanceof HttpProblem ? ((error.extensions.errors as FieldProblem[] | undefined) ?? []) : [];
        if (!problems.some((problem) => problem.field.startsWith('start.input'))) throw error;
        throw invalidRequest(
          problems.map((problem) => ({
            field: 'start.input_template',
            in: 'body',
            message: `${template === null ? 'Without an input_template the input is {from, subject, text, attachments}' : 'The rendered template'} does not fit the agent: ${problem.field.replace(/^start\.input\.?/, '') || '(input)'}: ${problem.message}`,
          })),
        );
      }
      const rule = await db.channelRule.create({
        data: {
          id: newId('rule'),
          tenantId,
          channel: body.channel,
          match: body.match,
          agent: resolved.agent.slug,
          taskType: resolved.taskTypeName,
          inputTemplate: (template as Prisma.InputJsonObject | null) ?? Prisma.DbNull,
        },
      });
      res.status(201).location(`/v1/channel-rules/${rule.id}`).json(presentChannelRule(rule));
    },
    async listChannelRules(req, res) {
      const { tenantId } = principalOf(req);
      const rules = await db.channelRule.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      res.json({ channel_rules: rules.map(presentChannelRule) } satisfies ListChannelRulesResponse);
    },
    async getChannelRule(req, res, { params }) {
      const { tenantId } = principalOf(req);
      const rule = await db.channelRule.findFirst({ where: { id: params.id, tenantId } });
      if (!rule) throw notFound(`Channel rule ${params.id}`);
      res.json(presentChannelRule(rule));
    },
    async deleteChannelRule(req, res, { params }) {
      const { tenantId } = principalOf(req);
      // The tasks it started stay.
      const { count } = await db.channelRule.deleteMany({ where: { id: params.id, tenantId } });
      if (count === 0) throw notFound(`Channel rule ${params.id}`);
      res.json({ deleted: true, rule_id: params.id } satisfies DeleteChannelRuleResponse);
    },
  });
}
