import { defineRoutes } from '../route-table/declare';
import {
  channelParams,
  channelResponse,
  channelSecretBody,
  inboundMessageBody,
  inboundMessageResponse,
  listChannelMessagesQuery,
  listChannelMessagesResponse,
  listChannelsResponse,
} from './schemas';

const tag = 'Channels';

/** The channel's messages: mounted before API-key authentication, since relays may sign instead (inbound.ts). */
export const channelMessageRoutes = defineRoutes({
  receiveChannelMessage: {
    method: 'post',
    path: '/v1/channels/:channel/messages',
    auth: 'key_or_relay',
    tag,
    summary: 'Receive an inbound email or chat message',
    description:
      "Stored with its attachments as files (purpose `channel_attachment`; a `url` is fetched through the outbound URL policy, one it cannot fetch is a 400 naming it); each of the tenant's rules for the channel that matches starts its task in the same transaction. A bad or missing signature is a 401.",
    params: channelParams,
    body: { schema: inboundMessageBody, required: true },
    responses: { 202: { description: 'The stored message and the tasks it started', schema: inboundMessageResponse } },
    problems: [400, 401, 413, 415],
    examples: [
      {
        summary: 'A mail relay',
        curl: `curl -X POST $BASE/v1/channels/email/messages -H "X-Taskwright-Tenant: ten_…" -H "X-Taskwright-Signature: sha256=$(printf %s "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | cut -d' ' -f2)" -H "Content-Type: application/json" -d "$BODY"`,
        body: { from: 'alex.kim@acme.com', subject: 'Invoice 1042', text: 'Please find the invoice attached.', attachments: [{ name: 'note.txt', mime_type: 'text/plain', content_base64: 'aGVsbG8=' }] },
      },
    ],
  },
  listChannelMessages: {
    method: 'get',
    path: '/v1/channels/:channel/messages',
    auth: 'key',
    tag,
    summary: 'The messages a channel received, newest first, with the tasks each started',
    params: channelParams,
    query: listChannelMessagesQuery,
    responses: { 200: { description: 'One page of messages', schema: listChannelMessagesResponse } },
    problems: [400, 401],
  },
});

export const channelRoutes = defineRoutes({
  listChannels: {
    method: 'get',
    path: '/v1/channels',
    auth: 'key',
    tag,
    summary: 'The channels with a relay secret (its last four characters only)',
    responses: { 200: { description: 'Every configured channel', schema: listChannelsResponse } },
    problems: [401],
  },
  setChannelSecret: {
    method: 'put',
    path: '/v1/channels/:channel',
    auth: 'admin',
    tag,
    summary: "Set the secret relays sign the channel's messages with",
    params: channelParams,
    body: { schema: channelSecretBody, required: true },
    responses: { 200: { description: 'The channel', schema: channelResponse } },
    problems: [400, 401, 403, 413, 415],
    examples: [
      {
        summary: 'A mail relay',
        curl: `curl -X PUT $BASE/v1/channels/email -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"secret": "a-long-random-relay-secret"}'`,
        body: { secret: 'a-long-random-relay-secret' },
      },
    ],
  },
});
