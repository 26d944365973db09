import type { ChannelMessage, ChannelSecret } from '../../lib/generated/prisma/client';
import type { ChannelMessageResponse, ChannelResponse } from './schemas';

type StartedTasks = ChannelMessageResponse['tasks'];

export function presentChannelMessage(message: ChannelMessage): ChannelMessageResponse {
  const tasks = message.started as StartedTasks;
  return {
    message_id: message.id,
    channel: message.channel,
    from: message.from,
    subject: message.subject,
    text: message.text,
    attachments: message.attachments,
    matched: tasks.length > 0,
    tasks,
    created_at: message.createdAt.toISOString(),
  };
}

/** A configured channel; only the secret's last characters are ever shown. */
export function presentChannel(secret: ChannelSecret): ChannelResponse {
  return { channel: secret.channel, secret_last4: secret.secret.slice(-4), updated_at: secret.updatedAt.toISOString() };
}
