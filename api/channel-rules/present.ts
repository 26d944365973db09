import type { ChannelRule } from '../../lib/generated/prisma/client';
import type { RuleMatch } from '../../lib/channels/rules';
import type { ChannelRuleResponse } from './schemas';

export function presentChannelRule(rule: ChannelRule): ChannelRuleResponse {
  return {
    rule_id: rule.id,
    channel: rule.channel as ChannelRuleResponse['channel'],
    match: rule.match as RuleMatch,
    start: { agent: rule.agent, task_type: rule.taskType, input_template: rule.inputTemplate as Record<string, unknown> | null },
    created_at: rule.createdAt.toISOString(),
  };
}
