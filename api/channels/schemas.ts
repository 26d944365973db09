import { z } from 'zod';
import { channel } from '../channel-rules/schemas';
import { fileName, mimeType } from '../files/schemas';

const attachment = z
  .strictObject({
    name: fileName,
    mime_type: mimeType.optional(),
    content_base64: z.base64({ error: 'Expected the content in standard base64' }).optional(),
    url: z.url({ protocol: /^https?$/, error: 'An http or https URL' }).max(4_000).optional(),
  })
  .superRefine((item, ctx) => {
    if ((item.content_base64 === undefined) === (item.url === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['content_base64'], message: 'Give exactly one of content_base64 and url' });
    }
  });

/** POST /v1/channels/:channel/messages: an inbound email or chat message. */
export const inboundMessageBody = z.strictObject({
  from: z.string().min(1).max(500),
  subject: z.string().max(2_000).optional(),
  text: z.string().max(200_000),
  attachments: z.array(attachment).max(20).default([]),
});
export type InboundMessageBody = z.output<typeof inboundMessageBody>;

/** PUT /v1/channels/:channel: the secret relays sign this channel's messages with. */
export const channelSecretBody = z.strictObject({
  secret: z.string().min(16, 'Use a secret of at least 16 characters').max(256),
});

export const listChannelMessagesQuery = z.object({
  limit: z.coerce.number({ error: 'Expected an integer from 1 to 100' }).int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional(),
});

const startedTask = z.object({ rule_id: z.string(), task_id: z.string() });

/** The answer to an inbound message: stored, and the tasks the matching rules started. */
export const inboundMessageResponse = z.object({
  message_id: z.string(),
  channel: z.string(),
  matched: z.boolean(),
  tasks: z.array(startedTask),
  attachments: z.array(z.string()),
});
export type InboundMessageResponse = z.infer<typeof inboundMessageResponse>;

export const channelMessageResponse = z.object({
  message_id: z.string(),
  channel: z.string(),
  from: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
  attachments: z.array(z.string()),
  matched: z.boolean(),
  tasks: z.array(startedTask),
  created_at: z.string(),
});
export type ChannelMessageResponse = z.infer<typeof channelMessageResponse>;

export const channelResponse = z.object({ channel: z.string(), secret_last4: z.string(), updated_at: z.string() });
export type ChannelResponse = z.infer<typeof channelResponse>;

export const listChannelsResponse = z.object({ channels: z.array(channelResponse) });
export type ListChannelsResponse = z.infer<typeof listChannelsResponse>;

export const listChannelMessagesResponse = z.object({ messages: z.array(channelMessageResponse), next_cursor: z.string().nullable() });
export type ListChannelMessagesResponse = z.infer<typeof listChannelMessagesResponse>;

export const channelParams = z.object({ channel: channel.meta({ description: 'The channel: `email` or `chat`' }) });
