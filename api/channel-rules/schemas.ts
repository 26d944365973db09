import { z } from 'zod';
import { regexOf } from '../../lib/channels/rules';

export const CHANNELS = ['email', 'chat'] as const;
export const channel = z.enum(CHANNELS, { error: `Expected one of ${CHANNELS.join(', ')}` });

const pattern = z
  .string()
  .min(1)
  .max(500)
  .refine((value) => {
    try {
      regexOf(value);
      return true;
    } catch {
      return false;
    }
  }, 'Not a valid /regex/');

/** POST /v1/channel-rules */
export const createChannelRuleBody = z.strictObject({
  channel,
  match: z.strictObject({ from: pattern.optional(), subject: pattern.optional(), text: pattern.optional() }).default({}),
  start: z.strictObject({
    agent: z.string().min(1).max(200),
    task_type: z.string().min(1).max(200).optional(),
    input_template: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const channelRuleResponse = z.object({
  rule_id: z.string(),
  channel,
  match: z.object({ from: z.string().optional(), subject: z.string().optional(), text: z.string().optional() }),
  start: z.object({ agent: z.string(), task_type: z.string(), input_template: z.record(z.string(), z.unknown()).nullable() }),
  created_at: z.string(),
});
export type ChannelRuleResponse = z.infer<typeof channelRuleResponse>;

export const listChannelRulesResponse = z.object({ channel_rules: z.array(channelRuleResponse) });
export type ListChannelRulesResponse = z.infer<typeof listChannelRulesResponse>;

export const deleteChannelRuleResponse = z.object({ deleted: z.literal(true), rule_id: z.string() });
export type DeleteChannelRuleResponse = z.infer<typeof deleteChannelRuleResponse>;

export const channelRuleIdParams = z.object({ id: z.string().meta({ description: 'A channel rule ID (rule_…)' }) });
